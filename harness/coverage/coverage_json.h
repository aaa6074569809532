#pragma once
// The JSON form of a coverage report (coverage --json FILE), valid against
// schemas/harness/coverage.schema.json: the same figures as the console, every item with the
// cases that cover it.
#include <string_view>

#include <nlohmann/json.hpp>

#include "harness/coverage/coverage_report.h"

namespace siraya::harness {

inline constexpr std::string_view kCoverageSchema = "harness/coverage.schema.json";

nlohmann::json coverage_json(const CoverageReport& report);

}  // namespace siraya::harness
