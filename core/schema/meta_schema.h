#pragma once
// Checks a schema document against the JSON Schema draft-07 meta-schema before it is compiled:
// valijson accepts some malformed keywords silently ({"minimum": "1"}) and words others as
// bare exceptions, while a meta-schema violation names the keyword by its pointer.
// Private to core/schema/.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/schema/bundle.h"

namespace siraya::core::schema::detail {

// The embedded copy, schemas/common/json_schema_draft07.json.
inline constexpr const char* kMetaSchemaId = "common/json_schema_draft07.json";

// nullopt when `schema` conforms (or when the meta-schema is not embedded); otherwise the first
// violation, with `file` as the problem's file.
std::optional<Problem> check_against_meta_schema(const nlohmann::json& schema, const std::string& file);

}  // namespace siraya::core::schema::detail
