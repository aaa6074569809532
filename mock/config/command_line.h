#pragma once
// The configuration's command-line options (siraya-mock --help). Each one sets or extends the
// matching field of the configuration document before it is validated, so the file and the
// command line share one schema and one set of error messages; the command line wins.
#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/schema/registry.h"
#include "mock/config/config.h"

namespace siraya::mock::config {

struct CommandLine {
  std::string file;  // --config
  std::vector<std::string> credits;  // --credits KEY=USD
  std::int64_t requests_per_minute = 0;
  std::int64_t tokens_per_minute = 0;
  std::int64_t deadline_ms = -1;
  std::int64_t latency_ms = -1;
  std::int64_t latency_jitter_ms = 0;
  std::vector<std::string> moderate_terms, moderate_patterns, moderate_models;
  std::vector<std::string> down_models, down_providers, invalid_models;

  // True when neither a file nor any option is given: the mock runs without a configuration.
  bool empty() const;
};

void add_options(CLI::App& app, CommandLine& line);

// The configuration from the file (if any) and the options. Error id mock.config.
core::Result<Config> load(const CommandLine& line, const core::schema::Registry& schemas);

}  // namespace siraya::mock::config
