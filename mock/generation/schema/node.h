#pragma once
// A subschema of the document the generator works on, the keyword accessors every part of the
// generator shares, and the errors it reports. Locations are JSON pointers (RFC 6901) from the
// document root, so that the mock's 400 can name the offending keyword inside the request.
#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace siraya::mock::generation::schema {

struct Node {
  const nlohmann::json* schema = nullptr;  // an object or a boolean once lint() has passed
  std::string pointer;                     // "" is the root
};

// The keyword's value, or nullptr when absent or when the node is a boolean schema.
const nlohmann::json* keyword(const Node& node, std::string_view key);
// The keyword's value as a child node.
Node child(const Node& node, std::string_view key);
Node child(const Node& node, std::string_view key, std::string_view token);
Node child(const Node& node, std::string_view key, std::size_t index);

// pointer + "/" + the token escaped per RFC 6901 §3 ("~" -> "~0", "/" -> "~1").
std::string append(std::string_view pointer, std::string_view token);

// Same-document references only: "#" and "#/json/pointer" (RFC 6901 escapes and RFC 3986
// percent-encoding). Error ids schema.unsupported (other documents, anchors) and schema.invalid
// (nothing at the pointer); `at` is the pointer of the `$ref` keyword.
core::Result<Node> resolve_ref(const nlohmann::json& root, const std::string& ref, const std::string& at);

// The error ids json_instance.h documents.
core::Unexpected<core::Error> invalid(std::string pointer, std::string message);
core::Unexpected<core::Error> unsatisfiable(std::string pointer, std::string message);
core::Unexpected<core::Error> unsupported(std::string pointer, std::string message);
core::Unexpected<core::Error> too_large(std::string pointer, std::string message);

// An error passed on from a nested call.
inline core::Unexpected<core::Error> forward(const core::Error& e) { return core::Unexpected<core::Error>(e); }

// A value for messages: compact JSON, cut at 60 characters.
std::string show(const nlohmann::json& value);

}  // namespace siraya::mock::generation::schema
