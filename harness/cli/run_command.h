#pragma once
// `siraya-harness run`: loads suites, picks the target (a base URL, or the embedded mock started
// in-process on a free port), runs, reports. Separate from main() so tests drive it directly.
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

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
  std::size_t jobs = 4;
  long timeout_ms = 60'000;
  std::string ca_file;
  bool insecure = false;
  std::string junit_path;
  std::uint64_t seed = 0;  // embedded mock
  bool color = false;
  bool verbose = false;
};

// Returns the process exit code: 0 all passed, 1 a case failed, 2 bad suite or usage,
// 3 harness or transport error. Messages for 2 and 3 go to `err`.
int run_command(const RunCommand& command, std::ostream& out, std::ostream& err);

// `siraya-harness list`: the cases the same selection would run, one per line.
int list_command(const RunCommand& command, std::ostream& out, std::ostream& err);

// `siraya-harness checks`: every check id with its severities and summary.
int checks_command(std::ostream& out);

}  // namespace siraya::harness
