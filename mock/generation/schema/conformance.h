#pragma once
// The generator's own validator: decides whether a candidate value satisfies a schema node, for
// what generation cannot construct directly (oneOf's "exactly one", `not`, if/then/else, several
// patterns at once) and as the final check of every value it returns. Semantics are JSON Schema
// draft-07 (validation §6; `format` is an annotation, as in the harness's validator) plus the
// 2019-09 / 2020-12 keywords tool schemas use: prefixItems (items then covers the rest),
// dependentRequired, dependentSchemas, $defs, and $ref with sibling keywords applying.
// The schema must have passed lint().
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock/generation/schema/node.h"

namespace siraya::mock::generation::schema {

class Conformance {
 public:
  explicit Conformance(const nlohmann::json& root) : root_(root) {}

  // The pointer of the first keyword `value` violates; nullopt when it conforms to every node.
  std::optional<std::string> violation(const nlohmann::json& value, const std::vector<Node>& nodes);
  std::optional<std::string> violation(const nlohmann::json& value, const Node& node);
  bool conforms(const nlohmann::json& value, const Node& node) { return !violation(value, node); }

  // Schema nodes checked so far: the generator's work budget counts them (generator.h, kMaxChecks).
  std::size_t checks() const { return checks_; }

  // ECMAScript search (JSON Schema patterns are unanchored); false when the regex engine gives up.
  bool matches(const std::string& pattern, const std::string& text);

 private:
  std::optional<std::string> check(const nlohmann::json& v, const nlohmann::json& s, const std::string& at, int depth);
  std::optional<std::string> check_number(const nlohmann::json& v, const nlohmann::json& s, const std::string& at);
  std::optional<std::string> check_string(const nlohmann::json& v, const nlohmann::json& s, const std::string& at);
  std::optional<std::string> check_array(const nlohmann::json& v, const nlohmann::json& s, const std::string& at, int depth);
  std::optional<std::string> check_object(const nlohmann::json& v, const nlohmann::json& s, const std::string& at, int depth);
  std::optional<std::string> check_applicators(const nlohmann::json& v, const nlohmann::json& s, const std::string& at, int depth);

  const nlohmann::json& root_;
  std::map<std::string, std::regex, std::less<>> regexes_;
  // (schema, value) pairs being checked through `$ref`s: meeting one again means a reference
  // loop that consumed nothing ({"allOf": [{"$ref": "#"}]}), which adds no constraint.
  std::vector<std::pair<const nlohmann::json*, const nlohmann::json*>> ref_stack_;
  std::size_t checks_ = 0;
};

// Whether `value` is an instance of the JSON Schema type name (integers are numbers; a float with
// no fractional part is an integer, as valijson counts it).
bool has_type(const nlohmann::json& value, std::string_view type);

// Length in Unicode code points, as JSON Schema counts minLength / maxLength.
std::size_t code_points(std::string_view text);

// Equality for const / enum / uniqueItems: numbers compare by value (1 == 1.0).
bool json_equal(const nlohmann::json& a, const nlohmann::json& b);

}  // namespace siraya::mock::generation::schema
