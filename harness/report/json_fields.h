#pragma once
// The JSON form of a case result's parts, shared by the JSON report and transcripts
// (schemas/harness/report.schema.json, definitions "case", "finding", "error", "timing").
#include <nlohmann/json.hpp>

#include "core/finding.h"
#include "core/result.h"
#include "harness/runner/case_result.h"

namespace siraya::harness {

nlohmann::json finding_json(const core::Finding& finding);
nlohmann::json error_json(const core::Error& error);
nlohmann::json timing_json(const Timing& timing);
nlohmann::json difference_json(const Difference& difference);
// Everything the report says about one case: id, name, location, outcome, request, status,
// duration, retries, timing, findings, error, reproduce; steps and the deciding step of a
// multi-step case, the tally of a case with trials.
nlohmann::json case_header_json(const CaseResult& result);

}  // namespace siraya::harness
