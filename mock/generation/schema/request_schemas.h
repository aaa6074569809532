#pragma once
// The JSON Schemas a request carries, checked before anything is generated for them, so that a
// schema the generator cannot satisfy is the client's 400 (with `param` naming the keyword inside
// the request, e.g. "response_format.json_schema.schema.properties.age.minimum" or
// "tools[1].function.parameters.required[0]") rather than an answer that breaks the schema.
//   chat       response_format.json_schema.schema, legacy response_format.schema (type "json"),
//              tools[].function.parameters (chat-completions.md §3.1, §4)
//   responses  text.format.schema (type json_schema), tools[].parameters (responses.md §3, §4)
//   messages   tools[].input_schema (messages.md §4)
// The body must have passed the endpoint's request validation.
#include <optional>

#include <nlohmann/json.hpp>

#include "mock/errors.h"

namespace siraya::mock::generation {

enum class Dialect { chat, responses, messages };

std::optional<ApiError> check_request_schemas(const nlohmann::json& body, Dialect dialect);

}  // namespace siraya::mock::generation
