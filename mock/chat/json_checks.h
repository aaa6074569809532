#pragma once
// Small helpers shared by the chat request checks: type names and value rendering for messages.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "mock/json_text.h"

namespace siraya::mock::chat {

inline std::string_view json_kind(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::number_float: return "a number";
    default: return "an integer";
  }
}

// The value as JSON text, shortened for messages.
inline std::string shown(const nlohmann::json& j) {
  std::string text = to_json_text(j);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

// "got 3", "got \"hot\"", "got an array".
inline std::string got(const nlohmann::json& j) {
  if (j.is_object() || j.is_array()) return "got " + std::string(json_kind(j));
  return "got " + shown(j);
}

}  // namespace siraya::mock::chat
