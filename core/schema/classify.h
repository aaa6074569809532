#pragma once
// Classifies valijson 1.0's violation descriptions. valijson reports a violation as a context
// path plus an English sentence; the sentence is the only thing that tells which keyword failed,
// so this file is the one place that knows those sentences (validation_visitor.hpp).
#include <string>
#include <string_view>

namespace siraya::core::schema::detail {

enum class Kind {
  // Leaf violations: one keyword of one subschema failed.
  required,             // argument: the property name
  type,
  const_value,
  enum_value,
  maximum,
  exclusive_maximum,
  minimum,
  exclusive_minimum,
  max_length,
  min_length,
  max_items,
  min_items,
  max_properties,
  min_properties,
  pattern,
  additional_property,  // argument: the property name
  multiple_of,
  unique_items,
  not_schema,
  dependency,           // argument: the missing property name
  contains,
  extra_items,
  one_of_many,          // oneOf matched more than one alternative
  format,
  other,
  // Structure: summaries of violations reported elsewhere, and combinator bookkeeping.
  branch_marker,     // "Failed to validate against child schema #N." argument: N
  one_of_none,       // every oneOf alternative failed (their violations precede this)
  any_of_none,       // every anyOf alternative failed
  conditional,       // the if/then/else branch failed (its violations precede this)
  property_summary,  // argument: the property name
  item_summary,      // argument: the item index
  other_summary,
};

struct Classified {
  Kind kind = Kind::other;
  std::string argument;
};

Classified classify(std::string_view description);

// The draft-07 keyword a leaf kind stands for ("required", "maximum"...); "" for structure.
std::string_view keyword_of(Kind kind);

}  // namespace siraya::core::schema::detail
