#pragma once
// Seam: a JSON value valid against a JSON Schema taken from a request (a tool's
// `function.parameters` / `parameters` / `input_schema`, `response_format.json_schema.schema`,
// `text.format.schema`; chat-completions.md §3.1 and §4, responses.md §3-§4, messages.md §4).
// The value is a pure function of (schema, rng state) and validates against the schema with the
// harness's validator (core::schema::Registry::validate_inline). docs/structured-output.md lists
// the keywords understood and the limits.
//
// Errors (Error::location is the JSON pointer of the offending keyword inside `schema`, "" for
// the root; the message says what is wrong):
//   schema.invalid        not a valid schema (a keyword of the wrong kind, a pattern that does
//                         not compile, a $ref to nothing)
//   schema.unsatisfiable  no value satisfies it (minimum > maximum, a required property that
//                         additionalProperties: false forbids, an empty enum, false)
//   schema.unsupported    valid, but beyond the generator (lookahead in a pattern, a $ref to
//                         another document, an instance it cannot find)
//   schema.too_large      asks for more than the generator's limits (minItems 10^9)
#include <nlohmann/json.hpp>

#include "core/result.h"
#include "mock/generation/hash.h"

namespace siraya::mock::generation {

// An instance of `schema`. Whenever check_schema(schema) succeeds this succeeds too, whatever
// the rng: if the draw from `rng` fails, the instance check_schema verified is returned.
core::Result<nlohmann::json> generate_instance(const nlohmann::json& schema, Rng& rng);

// Whether instances of `schema` can be generated: lints it, generates once with a fixed seed and
// validates that instance with the harness's validator (which also checks the schema against the
// draft-07 meta-schema). For request validation, before any answer is generated.
core::Result<void> check_schema(const nlohmann::json& schema);

}  // namespace siraya::mock::generation
