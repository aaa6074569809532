#pragma once
// Structural checks on a whole schema document before anything is generated: every keyword the
// generator or the validator reads has a value of the right kind (JSON Schema draft-07 validation
// §6, 2020-12 core §10 for prefixItems / $defs / dependent*), every `pattern` compiles as an
// ECMAScript regular expression (the dialect JSON Schema prescribes, and std::regex's default, as
// valijson uses it) and every `$ref` resolves. Reports the first problem in document order, so the
// answer does not depend on which branch generation happens to take.
#include <optional>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace siraya::mock::generation::schema {

// Deepest schema nesting accepted (generation and validation recurse on it).
inline constexpr int kMaxSchemaNesting = 128;

// Error ids schema.invalid, schema.unsupported (references outside the document) and
// schema.too_large (nesting); Error::location is the keyword's pointer.
std::optional<core::Error> lint(const nlohmann::json& root);

}  // namespace siraya::mock::generation::schema
