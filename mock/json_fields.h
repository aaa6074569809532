#pragma once
// Reading optional fields of a request body: a JSON null counts as absent, as the reference's
// "T | null" fields mean (README §0).
#include <string>

#include <nlohmann/json.hpp>

namespace siraya::mock {

// The value of `key` when `body` is an object that has it and it is not null; else nullptr.
inline const nlohmann::json* field(const nlohmann::json& body, const char* key) {
  if (!body.is_object()) return nullptr;
  auto it = body.find(key);
  return it == body.end() || it->is_null() ? nullptr : &*it;
}

// The string value of `key`, or `fallback` when it is absent, null or not a string.
inline std::string string_or(const nlohmann::json& body, const char* key, std::string fallback = {}) {
  const nlohmann::json* v = field(body, key);
  return v != nullptr && v->is_string() ? v->get<std::string>() : fallback;
}

}  // namespace siraya::mock
