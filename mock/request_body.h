#pragma once
// Step 3 of the request pipeline (design.md) for endpoints with a JSON body: content type,
// no-throw parse, object check, validation against the endpoint's request schema. Every failure is
// a 400 in the envelope with `param` as a JSON path ("messages[2].content", chat-completions.md §1).
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "mock/errors.h"
#include "mock/http/request.h"

namespace siraya::core::schema {
class Registry;
}

namespace siraya::mock {

// Parses the body into `out`. Rejects a Content-Type other than application/json (or */*+json),
// text that is not JSON (the message gives the position) and JSON that is not an object.
std::optional<ApiError> parse_json_object(const Request& request, nlohmann::json& out);

// Validates `body` against schema `schema_id`; the deepest violation becomes the 400.
std::optional<ApiError> check_against_schema(const core::schema::Registry& schemas,
                                             std::string_view schema_id, const nlohmann::json& body);

// "/messages/2/content" -> "messages[2].content". Array indices are recognised by walking
// `instance`; nullopt for the root pointer.
std::optional<std::string> pointer_to_param(std::string_view pointer, const nlohmann::json& instance);

}  // namespace siraya::mock
