#pragma once
// Runs cases against a target: resolves variables, sends each request (a worker pool of
// `jobs` threads; reports still arrive in suite order), retries what may be retried, runs the
// checks, applies the profile, decides the outcome, and writes transcripts when asked.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/http/client.h"
#include "core/schema/registry.h"
#include "harness/checks/catalog.h"
#include "harness/checks/profile.h"
#include "harness/report/reporter.h"
#include "harness/runner/case_result.h"
#include "harness/runner/retry_policy.h"
#include "harness/suite/suite.h"
#include "harness/suite/variables.h"

namespace siraya::harness {

// --compare-with: the second target every case also runs against (harness/runner/differential.h).
struct CompareTarget {
  core::http::ClientOptions client;  // its base_url; TLS options and timeouts as the base target's
  core::http::Headers headers;       // --header, with --compare-header in place of headers of the same name
  Variables variables;               // its ${api_key} (--compare-api-key) and the --var values
  std::string label;                 // shown by reporters; defaults to the base URL
  bool warn_only = false;            // --compare-warn-only: differences are warnings, not failures
  std::shared_ptr<core::http::Client> client_override;  // for tests
};

struct RunOptions {
  core::http::ClientOptions client;  // base_url, TLS options, default timeouts
  Profile profile = Profile::standard;
  std::size_t jobs = 4;
  std::string target_label;          // shown by reporters; defaults to the base URL
  // Extra request headers (--header), added to every request that lacks a header of that name.
  // Values of credential-like headers (authorization, *key*, *token*, *secret*, cookie) are
  // treated as secrets.
  core::http::Headers headers;
  RetryPolicy retry;                 // retries: harness/runner/retry_policy.h
  bool fail_fast = false;            // after the first failed or error case, start no other case
  bool parity = false;               // --parity: each streamable step also with "stream" flipped
  // --compare-with: each case that runs also runs against this target; the differences are
  // compare.* findings of the case (after the profile and severities; warnings with warn_only).
  std::optional<CompareTarget> compare;
  SeverityOverrides severities;      // a target profile's severities, applied after `profile`
  std::string transcripts_dir;       // empty: no transcripts (harness/report/transcript.h)
  bool transcripts_all = false;      // false: failed and error cases only
  // For tests: the client to send through instead of one built from `client`, and how a retry
  // waits (default: the worker thread sleeps).
  std::shared_ptr<core::http::Client> client_override;
  std::function<void(std::chrono::milliseconds)> sleep;
};

class Runner {
 public:
  Runner(RunOptions options, std::shared_ptr<const core::schema::Registry> schemas, Variables variables);

  // Runs every case of every suite (already filtered by the caller), reporting to each reporter.
  // Cases --fail-fast kept from running are reported as skipped (error id run.not_run).
  core::Result<RunSummary> run(const std::vector<Suite>& suites, const std::vector<Reporter*>& reporters);

  // The first transcript that could not be written (Error report.io), if any.
  const std::optional<core::Error>& transcript_error() const { return transcript_error_; }

 private:
  RunOptions options_;
  std::shared_ptr<const core::schema::Registry> schemas_;
  Variables variables_;
  std::optional<core::Error> transcript_error_;
};

// Whether a header's value is a credential (redacted like a secret).
bool is_credential_header(std::string_view name);

}  // namespace siraya::harness
