#pragma once
// One case: its steps sent in order (a failing step stops the case; captures feed later steps),
// the whole sequence repeated for trials, and skipped when the target lacks a capability.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/http/client.h"
#include "core/schema/registry.h"
#include "harness/checks/catalog.h"
#include "harness/checks/profile.h"
#include "harness/runner/case_result.h"
#include "harness/runner/step_judge.h"
#include "harness/suite/suite.h"
#include "harness/suite/variables.h"

namespace siraya::harness {

// The base holds the first step, resolved; later steps are resolved when they run, after the
// steps before them captured their values.
struct PreparedCase : PreparedStep {
  const Suite* suite = nullptr;
  const Case* test_case = nullptr;
  std::optional<core::Error> error;  // resolution failed: the case ends as an error
  Variables variables;               // for the later steps
};

// Resolves every step (names captured by earlier steps provisionally), so that unknown variables
// and unset environment variables end the case before anything is sent and every secret is known
// to `variables` before results are reported. Not thread-safe (Variables learns secrets).
PreparedCase prepare_case(const Suite& suite, const Case& test_case, const Variables& variables);

// Judges one response to the first step (no I/O).
CaseResult judge(const PreparedCase& prepared, const core::http::Response& response,
                 const core::schema::Registry& schemas, Profile profile);

// Runs the case: skipped (or failed, when strict) for a missing capability; otherwise every step,
// as many times as its trials ask; with `parity`, each streamable step also with "stream"
// flipped (harness/runner/parity.h). Thread-safe for distinct clients.
struct JudgeOptions {
  Profile profile = Profile::standard;
  SeverityOverrides overrides;  // a target profile's severities, applied after the profile
  bool parity = false;          // --parity
  bool shapes = false;          // --compare-with: keep each step's shape in CaseResult::shapes
};
CaseResult execute_case(const PreparedCase& prepared, core::http::Client& client,
                        const core::schema::Registry& schemas, const JudgeOptions& options);

}  // namespace siraya::harness
