#include "mock/rules/json_subset.h"

namespace siraya::mock::rules {
namespace {

using nlohmann::json;

std::string escape_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::optional<std::string> mismatch_at(const json& pattern, const json& value, const std::string& pointer) {
  if (pattern.is_object()) {
    if (!value.is_object()) return pointer;
    for (const auto& [key, expected] : pattern.items()) {
      const std::string member = pointer + "/" + escape_token(key);
      auto it = value.find(key);
      if (it == value.end()) return member;
      if (auto diff = mismatch_at(expected, *it, member)) return diff;
    }
    return std::nullopt;
  }
  if (pattern.is_array()) {
    if (!value.is_array() || value.size() != pattern.size()) return pointer;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (auto diff = mismatch_at(pattern[i], value[i], pointer + "/" + std::to_string(i))) return diff;
    }
    return std::nullopt;
  }
  if (pattern != value) return pointer;  // nlohmann compares integers and floats by value
  return std::nullopt;
}

}  // namespace

std::optional<std::string> json_subset_mismatch(const json& pattern, const json& value) {
  return mismatch_at(pattern, value, "");
}

}  // namespace siraya::mock::rules
