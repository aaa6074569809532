#include "mock/generation/schema/request_schemas.h"

#include <string>
#include <utility>
#include <vector>

#include "mock/generation/json_instance.h"
#include "mock/generation/schema/node.h"
#include "mock/json_fields.h"
#include "mock/request_body.h"

namespace siraya::mock::generation {
namespace {

using nlohmann::json;

// (pointer of the schema inside the body, the schema)
using Located = std::vector<std::pair<std::string, const json*>>;

const json* object_at(const json& parent, const char* key) {
  const json* v = field(parent, key);
  return v && v->is_object() ? v : nullptr;
}

Located schemas_of(const json& body, Dialect dialect) {
  Located out;
  if (dialect == Dialect::chat) {
    if (const json* format = object_at(body, "response_format")) {
      const json* type = field(*format, "type");
      if (type && *type == "json_schema") {
        if (const json* js = object_at(*format, "json_schema")) {
          if (const json* s = object_at(*js, "schema")) out.emplace_back("/response_format/json_schema/schema", s);
        }
      } else if (type && *type == "json") {
        if (const json* s = object_at(*format, "schema")) out.emplace_back("/response_format/schema", s);
      }
    }
  }
  if (dialect == Dialect::responses) {
    if (const json* text = object_at(body, "text")) {
      if (const json* format = object_at(*text, "format"); format && field(*format, "type") && *field(*format, "type") == "json_schema") {
        if (const json* s = object_at(*format, "schema")) out.emplace_back("/text/format/schema", s);
      }
    }
  }
  const json* tools = field(body, "tools");
  if (tools && tools->is_array()) {
    for (std::size_t i = 0; i < tools->size(); ++i) {
      const json& tool = (*tools)[i];
      const std::string at = "/tools/" + std::to_string(i);
      if (dialect == Dialect::chat) {
        if (const json* fn = object_at(tool, "function")) {
          if (const json* s = object_at(*fn, "parameters")) out.emplace_back(at + "/function/parameters", s);
        }
      } else if (dialect == Dialect::responses) {
        const json* type = field(tool, "type");
        if ((!type || *type == "function")) {
          if (const json* s = object_at(tool, "parameters")) out.emplace_back(at + "/parameters", s);
        }
      } else if (const json* s = object_at(tool, "input_schema")) {
        out.emplace_back(at + "/input_schema", s);
      }
    }
  }
  return out;
}

}  // namespace

std::optional<ApiError> check_request_schemas(const json& body, Dialect dialect) {
  for (const auto& [at, schema] : schemas_of(body, dialect)) {
    auto checked = check_schema(*schema);
    if (checked) continue;
    const core::Error& e = checked.error();
    const std::string pointer = at + e.location;
    const auto param = pointer_to_param(pointer, body);
    return invalid_request("Invalid JSON Schema at " + param.value_or(pointer) + ": " + e.message +
                               " [" + e.id + "]. siraya-mock generates structured output and tool arguments from " +
                               "this schema and cannot satisfy it; " + e.fix + ".",
                           param);
  }
  return std::nullopt;
}

}  // namespace siraya::mock::generation
