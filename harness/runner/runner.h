#pragma once
// Runs cases against a target: resolves variables, sends each request (a worker pool of
// `jobs` threads), runs the checks, applies the profile and decides the outcome.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "core/http/client.h"
#include "core/schema/registry.h"
#include "harness/checks/profile.h"
#include "harness/report/reporter.h"
#include "harness/runner/case_result.h"
#include "harness/suite/suite.h"
#include "harness/suite/variables.h"

namespace siraya::harness {

struct RunOptions {
  core::http::ClientOptions client;  // base_url, TLS options, default timeouts
  Profile profile = Profile::standard;
  std::size_t jobs = 4;
  std::string target_label;          // shown by reporters; defaults to the base URL
};

class Runner {
 public:
  Runner(RunOptions options, std::shared_ptr<const core::schema::Registry> schemas, Variables variables);

  // Runs every case of every suite (already filtered by the caller), reporting to each reporter.
  core::Result<RunSummary> run(const std::vector<Suite>& suites, const std::vector<Reporter*>& reporters);

 private:
  RunOptions options_;
  std::shared_ptr<const core::schema::Registry> schemas_;
  Variables variables_;
};

}  // namespace siraya::harness
