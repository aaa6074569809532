#pragma once
// Turns the violations kept by explain() into findings with readable messages, e.g.
// `expected integer, got string "abc"` at "body#/n", citing the schema keyword
// "(schema chat/chat_request.json#/properties/n/type)". Private to core/schema/.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/finding.h"
#include "core/schema/explain.h"

namespace siraya::core::schema::detail {

// At most this many findings per validation, then one finding counting the rest.
inline constexpr std::size_t kMaxFindings = 20;

struct Describe {
  std::string_view where;       // location prefix, e.g. "body"
  std::string_view finding_id;  // e.g. "schema.violation"
  std::string_view schema_id;   // the schema validated against; "" for an inline schema
};

Findings describe(const std::vector<Leaf>& leaves, const nlohmann::json& instance,
                  const SchemaLookup& lookup, const Describe& how);

// What the subschema that reported a `type`, `const` or `enum` violation accepts, one entry
// per alternative: {"string", "null"}, {"\"text\""}, {"\"a\"", "\"b\""}.
std::vector<std::string> expectation(const Leaf& leaf, const SchemaLookup& lookup);

}  // namespace siraya::core::schema::detail
