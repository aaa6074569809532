#pragma once
// `siraya-harness run`: loads suites, picks the target (a base URL, or the embedded mock started
// in-process on a free port), runs, reports. Separate from main() so tests drive it directly.
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "harness/suite/target.h"

namespace siraya::harness {

struct RunCommand {
  std::string base_url;                  // empty: embedded siraya-mock
  std::vector<std::string> suite_dirs;   // empty (and no files): the embedded suites
  std::vector<std::string> suite_files;
  std::string schemas_dir;               // empty: the embedded schemas
  std::optional<std::string> api_key;    // default: $SIRAYA_API_KEY, or the embedded mock's key
  std::vector<std::string> vars;         // NAME=VALUE
  std::string profile = "standard";
  std::vector<std::string> filters;      // globs over "suite#case"
  std::vector<std::string> tags;         // a case runs if it has any of these
  std::vector<std::string> endpoints;    // endpoint families, comma-separated: chat,responses
  std::string shard;                     // "i/n": run the i-th of n stable parts (CI)
  std::size_t jobs = 4;
  long timeout_ms = 60'000;              // total per request (a case's timeout_ms wins)
  long connect_timeout_ms = 10'000;
  long first_byte_timeout_ms = 60'000;   // request sent -> response headers
  long idle_timeout_ms = 30'000;         // longest silence while reading the body
  std::size_t retries = 2;               // on transport errors, 429 and 503 (harness/runner/retry_policy.h)
  bool fail_fast = false;
  bool parity = false;  // --parity (harness/runner/parity.h)
  // --compare-with URL (or "embedded": a second embedded siraya-mock): every case also runs there
  // and the differences are reported (harness/runner/differential.h, docs/compare.md).
  std::string compare_with;
  std::optional<std::string> compare_api_key;  // default: the base target's key
  std::vector<std::string> compare_headers;    // "NAME: VALUE", in place of a --header of that name
  std::optional<std::uint64_t> compare_seed;   // the embedded compare mock's seed; default --seed
  bool compare_warn_only = false;              // differences are warnings (exit 0), not failures
  std::vector<std::string> headers;      // "NAME: VALUE", added to every request
  std::string ca_file;
  bool insecure = false;
  std::size_t max_response_bytes = std::size_t{256} << 20;  // a larger body is abandoned (http.too_large)
  std::string junit_path;
  std::string json_path;
  std::string markdown_path;
  std::string transcripts_dir;
  std::string transcripts_on = "failure";  // failure | all
  std::uint64_t seed = 0;  // embedded mock
  bool color = false;
  bool progress = false;   // a live progress line (stdout is a terminal)
  bool verbose = false;
  TargetOptions target;       // --capabilities, --profile-file, --strict-capabilities (harness/suite/target.h)
  bool profile_given = false; // --profile was on the command line: it wins over the profile file's
};

// Returns the process exit code: 0 all passed, 1 a case failed, 2 bad suite or usage,
// 3 harness or transport error. Messages for 2 and 3 go to `err`.
int run_command(const RunCommand& command, std::ostream& out, std::ostream& err);

// `siraya-harness list`: the cases the same selection would run, one per line.
int list_command(const RunCommand& command, std::ostream& out, std::ostream& err);

// `siraya-harness checks`: every check id with its severities and summary.
int checks_command(std::ostream& out);

}  // namespace siraya::harness
