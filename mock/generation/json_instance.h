#pragma once
// Seam: a plausible JSON value for a JSON Schema taken from a request (a tool's
// `function.parameters`, `response_format.json_schema.schema`; chat-completions.md §3-§4).
// This minimal generator understands const, enum, type (string / number / integer / boolean /
// null / object / array, or a list of them), properties, items, minimum / maximum, minItems and
// the common string formats. The full schema-driven generator (allOf/anyOf/oneOf, $ref,
// patterns, validation of its own output) replaces it behind this same function.
#include <nlohmann/json.hpp>

#include "mock/generation/hash.h"

namespace siraya::mock::generation {

nlohmann::json generate_instance(const nlohmann::json& schema, Rng& rng);

}  // namespace siraya::mock::generation
