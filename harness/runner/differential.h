#pragma once
// Differential runs (run --compare-with): each case runs against the base target and against a
// second one, and the two results are compared through their normalised shapes
// (harness/runner/run_shape.h), never through ids, timestamps, request ids, generated text or
// token counts, which always differ between two targets. Aspects, in the order reported:
//   error   the case could not be judged on one side (a transport error, ...), or not the same way
//   status  a step's HTTP status; the rest of that step is not compared then
//   events  a stream's event kinds in order, runs of one kind collapsed into one
//   ending  finish_reason (each chat choice), responses status, messages stop_reason; endings of
//           text that simply ended (stop / length, end_turn / max_tokens / stop_sequence,
//           completed / incomplete at max_output_tokens) count as one, since which one an answer
//           gets depends on its generated text; a responses stream's response.incomplete at
//           max_output_tokens counts as response.completed for the same reason
//   tools   the names of the tools called, in call order
//   checks  a check id that fails (severity error) on one side only; compared only when no error
//           or status difference was found, since those decide which checks ran at all
// Steps are compared as far as both sides got. Findings: compare.<aspect>.
#include <vector>

#include "core/finding.h"
#include "harness/checks/catalog.h"
#include "harness/checks/profile.h"
#include "harness/runner/case_result.h"
#include "harness/runner/difference.h"

namespace siraya::harness {

// Both results need their shapes (JudgeOptions::shapes).
std::vector<Difference> compare_results(const CaseResult& base, const CaseResult& compare);

// One finding per difference: id "compare.<aspect>", severity error (the caller applies the
// profile), location the step and the JSON Pointer (else the check id or the aspect).
core::Findings difference_findings(const std::vector<Difference>& differences);

// Records in `base` how `compare` differs from it: CaseResult::differences, and their findings
// with the profile and overrides applied (errors become warnings with `warn_only`); a passed case
// with an error among them fails. An error outcome stays an error.
void record_differences(CaseResult& base, const CaseResult& compare, Profile profile,
                        const SeverityOverrides& overrides, bool warn_only);

}  // namespace siraya::harness
