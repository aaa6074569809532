#pragma once
// Reduces valijson's flat list of violations to the ones worth reporting. Private to core/schema/.
//
// valijson reports every failed keyword together with summaries of it ("Failed to validate
// item #0 in array.") and, for a failed oneOf/anyOf, the violations of every alternative. The
// instrumented schema (bundle.h) adds begin/end markers around each subschema, which turn the
// list back into a tree. From it: summaries are dropped when the violation they summarise is
// reported; for a failed oneOf/anyOf only the alternative the value was meant for is reported
// (alternatives that fail on `type`, `const` or `enum` at the value itself or at one of its
// direct members are taken as "not meant"); when no alternative is meant, one violation lists
// what the alternatives expected.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace siraya::core::schema::detail {

// The leading bytes of marker texts in valijson results: kMarkerLead, then begin or end, then
// the subschema path "<id>#<pointer>".
inline constexpr char kMarkerLead = '\x01';
inline constexpr char kMarkerBegin = 'B';
inline constexpr char kMarkerEnd = 'E';

struct RawError {
  std::vector<std::string> context;  // valijson context, e.g. {"<root>", "[choices]", "[0]"}
  std::string description;
};

// The original schema node at "<id>#<pointer>", or nullptr.
using SchemaLookup = std::function<const nlohmann::json*(std::string_view path)>;

struct Leaf {
  std::vector<std::string> context;  // as in RawError
  std::string description;           // valijson's sentence; empty for a merged alternatives leaf
  std::string schema_path;           // "<id>#<pointer>" of the subschema that reported it
  // A merged leaf (no alternative of a oneOf/anyOf was meant for the value): what each
  // alternative expected, and the combinator ("oneOf"/"anyOf").
  std::vector<std::string> alternatives;
  std::string combinator;
};

std::vector<Leaf> explain(const std::vector<RawError>& raw, const SchemaLookup& lookup);

}  // namespace siraya::core::schema::detail
