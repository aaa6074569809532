#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "core/finding.h"
#include "core/result.h"
#include "harness/checks/timing.h"
#include "harness/runner/difference.h"
#include "harness/runner/run_shape.h"

namespace siraya::harness {

struct Case;
struct Suite;

// pass: no error finding. fail: an error finding. skipped: not run (unsupported here).
// error: the harness could not judge (transport failure, unresolvable variable): exit code 3.
enum class Outcome { passed, failed, skipped, error };

std::string_view to_string(Outcome o);

// k-of-n for a case with trials (harness/suite/suite.h Trials).
struct TrialTally {
  int ran = 0;         // runs made (trials stop once the outcome is certain)
  int passed = 0;
  int runs = 0;        // most runs allowed
  int min_passes = 0;  // runs that must pass
};

struct CaseResult {
  const Suite* suite = nullptr;
  const Case* test_case = nullptr;
  Outcome outcome = Outcome::passed;
  core::Findings findings;           // errors, warnings and infos, in check order
  std::optional<core::Error> error;  // set for Outcome::error and skipped (the reason)
  int status = 0;                    // HTTP status received; 0 when none
  std::chrono::milliseconds duration{0};
  std::string request_line;          // "POST /chat/completions"
  std::optional<Timing> timing;      // of the last response judged; unset when none arrived
  std::size_t retries = 0;           // requests sent again after a transport error, 429 or 503
  std::string reproduce;             // a curl command (secrets as $VARIABLES) for the last request
  // Multi-step cases: the 1-based step that decided a failed or error outcome (0 when none did)
  // of `steps`; findings of such cases name their step in their location ("step 2 (fetch): ...").
  std::size_t step = 0;
  std::size_t steps = 1;
  std::optional<TrialTally> trials;  // set for a case with trials
  // With --compare-with: the shape of each step that got a response (harness/runner/run_shape.h),
  // and how the compare target's result of the case differs from this one (differential.h).
  std::vector<StepShape> shapes;
  std::vector<Difference> differences;
};

struct RunSummary {
  std::size_t passed = 0, failed = 0, skipped = 0, errors = 0;
  std::chrono::milliseconds duration{0};
  std::size_t differing = 0;  // with --compare-with: cases whose two results differ (any outcome)
  std::size_t total() const { return passed + failed + skipped + errors; }
};

// Exit codes (design.md): 0 all passed, 1 a case failed, 3 harness or transport error.
// (2, a bad suite or usage, is decided before anything runs.)
int exit_code(const RunSummary& summary);

}  // namespace siraya::harness
