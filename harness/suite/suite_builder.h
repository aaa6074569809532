#pragma once
// Converts a suite document that passed the schema and the rules (suite_rules.h) into the
// in-memory model: suite defaults merged into every case, a single-request case turned into one
// step, and every element's source location recorded.
#include <string>

#include <nlohmann/json.hpp>

#include "harness/suite/suite.h"

namespace siraya::harness {

Suite build_suite(const nlohmann::json& doc, const std::string& file);

}  // namespace siraya::harness
