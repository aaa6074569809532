#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "core/finding.h"
#include "core/result.h"

namespace siraya::harness {

struct Case;
struct Suite;

// pass: no error finding. fail: an error finding. skipped: not run (unsupported here).
// error: the harness could not judge (transport failure, unresolvable variable): exit code 3.
enum class Outcome { passed, failed, skipped, error };

std::string_view to_string(Outcome o);

struct CaseResult {
  const Suite* suite = nullptr;
  const Case* test_case = nullptr;
  Outcome outcome = Outcome::passed;
  core::Findings findings;           // errors, warnings and infos, in check order
  std::optional<core::Error> error;  // set for Outcome::error and skipped (the reason)
  int status = 0;                    // HTTP status received; 0 when none
  std::chrono::milliseconds duration{0};
  std::string request_line;          // "POST /chat/completions"
};

struct RunSummary {
  std::size_t passed = 0, failed = 0, skipped = 0, errors = 0;
  std::chrono::milliseconds duration{0};
  std::size_t total() const { return passed + failed + skipped + errors; }
};

// Exit codes (design.md): 0 all passed, 1 a case failed, 3 harness or transport error.
// (2, a bad suite or usage, is decided before anything runs.)
int exit_code(const RunSummary& summary);

}  // namespace siraya::harness
