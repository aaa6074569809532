#pragma once
// The rules' `body` condition (docs/rules.md): the request body holds the pattern. An object
// matches when each of the pattern's members is present and matches (extra members are fine);
// an array when it has the same length and each item matches; anything else when it is equal
// (numbers by value: 1 and 1.0 are equal).
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace siraya::mock::rules {

// nullopt when `value` holds `pattern`; else the JSON pointer (into the request body) of the
// first difference, "" for the whole body.
std::optional<std::string> json_subset_mismatch(const nlohmann::json& pattern, const nlohmann::json& value);

}  // namespace siraya::mock::rules
