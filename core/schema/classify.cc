#include "core/schema/classify.h"

#include <array>
#include <utility>

namespace siraya::core::schema::detail {

namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The text between `open` and the last `close` of `text` (for quoted names, which may
// themselves contain quotes).
std::string between(std::string_view text, std::string_view open, std::string_view close) {
  auto begin = text.find(open);
  if (begin == std::string_view::npos) return {};
  begin += open.size();
  auto end = text.rfind(close);
  if (end == std::string_view::npos || end < begin) return std::string(text.substr(begin));
  return std::string(text.substr(begin, end - begin));
}

std::string number_after(std::string_view text, std::string_view prefix) {
  std::string out;
  for (std::size_t i = prefix.size(); i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    out += text[i];
  }
  return out;
}

struct Prefix {
  std::string_view text;
  Kind kind;
};

// Sentences from valijson 1.0 validation_visitor.hpp, most specific first.
constexpr std::array kPrefixes{
    Prefix{"Value type not permitted by 'type' constraint", Kind::type},
    Prefix{"Failed to match expected value set by 'const' constraint", Kind::const_value},
    Prefix{"Failed to match against any enum values", Kind::enum_value},
    Prefix{"Expected number less than or equal to", Kind::maximum},
    Prefix{"Expected number less than", Kind::exclusive_maximum},
    Prefix{"Expected number greater than or equal to", Kind::minimum},
    Prefix{"Expected number greater than", Kind::exclusive_minimum},
    Prefix{"String should be no more than", Kind::max_length},
    Prefix{"String should be no fewer than", Kind::min_length},
    Prefix{"Array should contain no more than", Kind::max_items},
    Prefix{"Array should contain no fewer than", Kind::min_items},
    Prefix{"Object should have no more than", Kind::max_properties},
    Prefix{"Object should have no fewer than", Kind::min_properties},
    Prefix{"Failed to match regex specified by 'pattern' constraint", Kind::pattern},
    Prefix{"Value should be a multiple of", Kind::multiple_of},
    Prefix{"Value could not be converted", Kind::multiple_of},
    Prefix{"Elements at indexes #", Kind::unique_items},
    Prefix{"Target should not validate against schema specified in 'not'", Kind::not_schema},
    Prefix{"Failed to any values against subschema in 'contains'", Kind::contains},
    Prefix{"Array contains more items than allowed", Kind::extra_items},
    Prefix{"Cannot validate item #", Kind::extra_items},
    Prefix{"Failed to validate against exactly one child schema", Kind::one_of_many},
    Prefix{"String should be a valid", Kind::format},
    Prefix{"Failed to validate against any child schemas allowed by oneOf", Kind::one_of_none},
    Prefix{"Failed to validate against any schemas allowed by anyOf", Kind::any_of_none},
    Prefix{"Failed to validate against a conditional schema", Kind::conditional},
    Prefix{"Failed to validate against additional properties schema", Kind::other_summary},
    Prefix{"Failed to validate against schema associated with pattern", Kind::other_summary},
    Prefix{"Failed to validate against dependent schema", Kind::other_summary},
};

}  // namespace

Classified classify(std::string_view d) {
  if (starts_with(d, "Missing required property '")) {
    return {Kind::required, between(d, "'", "'")};
  }
  if (starts_with(d, "Object contains a property that could not be validated")) {
    return {Kind::additional_property, between(d, "constraints: '", "'")};
  }
  if (starts_with(d, "Missing dependency '")) return {Kind::dependency, between(d, "'", "'")};
  if (starts_with(d, "Failed to validate against child schema #")) {
    return {Kind::branch_marker, number_after(d, "Failed to validate against child schema #")};
  }
  if (starts_with(d, "Failed to validate against schema associated with property name '")) {
    return {Kind::property_summary, between(d, "property name '", "'")};
  }
  if (starts_with(d, "Failed to validate item #")) {
    return {Kind::item_summary, number_after(d, "Failed to validate item #")};
  }
  for (const auto& p : kPrefixes) {
    if (starts_with(d, p.text)) return {p.kind, {}};
  }
  return {Kind::other, {}};
}

std::string_view keyword_of(Kind kind) {
  switch (kind) {
    case Kind::required: return "required";
    case Kind::type: return "type";
    case Kind::const_value: return "const";
    case Kind::enum_value: return "enum";
    case Kind::maximum: return "maximum";
    case Kind::exclusive_maximum: return "exclusiveMaximum";
    case Kind::minimum: return "minimum";
    case Kind::exclusive_minimum: return "exclusiveMinimum";
    case Kind::max_length: return "maxLength";
    case Kind::min_length: return "minLength";
    case Kind::max_items: return "maxItems";
    case Kind::min_items: return "minItems";
    case Kind::max_properties: return "maxProperties";
    case Kind::min_properties: return "minProperties";
    case Kind::pattern: return "pattern";
    case Kind::additional_property: return "additionalProperties";
    case Kind::multiple_of: return "multipleOf";
    case Kind::unique_items: return "uniqueItems";
    case Kind::not_schema: return "not";
    case Kind::dependency: return "dependencies";
    case Kind::contains: return "contains";
    case Kind::extra_items: return "additionalItems";
    case Kind::one_of_many: return "oneOf";
    case Kind::format: return "format";
    default: return "";
  }
}

}  // namespace siraya::core::schema::detail
