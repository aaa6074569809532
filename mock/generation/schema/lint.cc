// GCC 12 reports a false -Wmaybe-uninitialized inside <regex>'s std::function when built with the
// sanitizers; must precede every include.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "mock/generation/schema/lint.h"

#include <cmath>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "mock/generation/schema/node.h"

namespace siraya::mock::generation::schema {
namespace {

using nlohmann::json;

const std::set<std::string, std::less<>> kTypes{"null", "boolean", "object", "array", "number", "integer", "string"};

class Linter {
 public:
  explicit Linter(const json& root) : root_(root) {}

  std::optional<core::Error> schema(const Node& n, int depth) {
    if (depth > kMaxSchemaNesting) {
      return too_large(n.pointer, "the schema nests more than " + std::to_string(kMaxSchemaNesting) + " levels deep").error();
    }
    if (!visited_.insert(n.pointer).second) return std::nullopt;
    nodes_.emplace(n.pointer, n.schema);
    if (n.schema->is_boolean()) return std::nullopt;
    if (!n.schema->is_object()) {
      return invalid(n.pointer, "a schema must be an object or a boolean, got " + show(*n.schema)).error();
    }
    for (const auto& [key, value] : n.schema->items()) {
      if (auto e = keyword_value(n, key, value, depth)) return e;
    }
    return std::nullopt;
  }

 private:
  std::optional<core::Error> sub(const Node& parent, std::string_view key, int depth) {
    return schema(child(parent, key), depth + 1);
  }

  std::optional<core::Error> schema_map(const Node& n, std::string_view key, const json& value, int depth,
                                        bool keys_are_patterns) {
    const std::string at = append(n.pointer, key);
    if (!value.is_object()) return invalid(at, std::string(key) + " must be an object of schemas, got " + show(value)).error();
    for (const auto& [name, _] : value.items()) {
      if (keys_are_patterns) {
        if (auto e = regex(append(at, name), name)) return e;
      }
      if (auto e = schema(child(n, key, name), depth + 1)) return e;
    }
    return std::nullopt;
  }

  std::optional<core::Error> schema_list(const Node& n, std::string_view key, const json& value, int depth,
                                         bool non_empty) {
    const std::string at = append(n.pointer, key);
    if (!value.is_array() || (non_empty && value.empty())) {
      return invalid(at, std::string(key) + " must be a" + (non_empty ? " non-empty" : "n") + " array of schemas, got " + show(value)).error();
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (auto e = schema(child(n, key, i), depth + 1)) return e;
    }
    return std::nullopt;
  }

  static std::optional<core::Error> string_list(const std::string& at, std::string_view key, const json& value) {
    if (!value.is_array()) return invalid(at, std::string(key) + " must be an array of strings, got " + show(value)).error();
    std::set<std::string> seen;
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (!value[i].is_string()) return invalid(append(at, std::to_string(i)), std::string(key) + " entries must be strings, got " + show(value[i])).error();
      if (!seen.insert(value[i].get<std::string>()).second) {
        return invalid(append(at, std::to_string(i)), std::string(key) + " lists \"" + value[i].get<std::string>() + "\" twice").error();
      }
    }
    return std::nullopt;
  }

  static std::optional<core::Error> regex(const std::string& at, const std::string& pattern) {
    try {
      std::regex re(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      return invalid(at, "\"" + pattern + "\" is not a regular expression the validator accepts (ECMAScript as std::regex implements it: " +
                             e.what() + ")").error();
    }
    return std::nullopt;
  }

  std::optional<core::Error> keyword_value(const Node& n, const std::string& key, const json& value, int depth) {
    const std::string at = append(n.pointer, key);
    if (key == "type") {
      auto one = [&](const json& t, const std::string& where) -> std::optional<core::Error> {
        if (!t.is_string() || !kTypes.count(t.get<std::string>())) {
          return invalid(where, "type must be one of null, boolean, object, array, number, integer, string, got " + show(t)).error();
        }
        return std::nullopt;
      };
      if (!value.is_array()) return one(value, at);
      if (value.empty()) return invalid(at, "type must not be an empty array").error();
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (auto e = one(value[i], append(at, std::to_string(i)))) return e;
      }
      return std::nullopt;
    }
    if (key == "minimum" || key == "maximum") {
      if (!value.is_number()) return invalid(at, key + " must be a number, got " + show(value)).error();
      return std::nullopt;
    }
    if (key == "exclusiveMinimum" || key == "exclusiveMaximum") {
      // A number since draft-06; a boolean modifier of minimum / maximum in draft-04.
      if (!value.is_number() && !value.is_boolean()) return invalid(at, key + " must be a number, got " + show(value)).error();
      return std::nullopt;
    }
    if (key == "multipleOf") {
      if (!value.is_number() || !(value.get<double>() > 0)) return invalid(at, "multipleOf must be a number greater than 0, got " + show(value)).error();
      return std::nullopt;
    }
    if (key == "minLength" || key == "maxLength" || key == "minItems" || key == "maxItems" || key == "minProperties" ||
        key == "maxProperties" || key == "minContains" || key == "maxContains") {
      if (!value.is_number() || value.get<double>() < 0 || std::floor(value.get<double>()) != value.get<double>()) {
        return invalid(at, key + " must be a non-negative integer, got " + show(value)).error();
      }
      return std::nullopt;
    }
    if (key == "uniqueItems") {
      if (!value.is_boolean()) return invalid(at, "uniqueItems must be a boolean, got " + show(value)).error();
      return std::nullopt;
    }
    if (key == "required") return string_list(at, key, value);
    if (key == "enum") {
      if (!value.is_array()) return invalid(at, "enum must be an array, got " + show(value)).error();
      return std::nullopt;
    }
    if (key == "pattern") {
      if (!value.is_string()) return invalid(at, "pattern must be a string, got " + show(value)).error();
      return regex(at, value.get<std::string>());
    }
    if (key == "format") {
      if (!value.is_string()) return invalid(at, "format must be a string, got " + show(value)).error();
      return std::nullopt;
    }
    if (key == "properties" || key == "$defs" || key == "definitions" || key == "dependentSchemas") {
      return schema_map(n, key, value, depth, false);
    }
    if (key == "patternProperties") return schema_map(n, key, value, depth, true);
    if (key == "additionalProperties" || key == "additionalItems" || key == "contains" || key == "propertyNames" ||
        key == "not" || key == "if" || key == "then" || key == "else" || key == "unevaluatedProperties" ||
        key == "unevaluatedItems") {
      return sub(n, key, depth);
    }
    if (key == "items") return value.is_array() ? schema_list(n, key, value, depth, false) : sub(n, key, depth);
    if (key == "prefixItems") return schema_list(n, key, value, depth, false);
    if (key == "allOf" || key == "anyOf" || key == "oneOf") return schema_list(n, key, value, depth, true);
    if (key == "dependencies" || key == "dependentRequired") {
      if (!value.is_object()) return invalid(at, key + " must be an object, got " + show(value)).error();
      for (const auto& [name, dep] : value.items()) {
        if (dep.is_array() || key == "dependentRequired") {
          if (auto e = string_list(append(at, name), key, dep)) return e;
        } else if (auto e = schema(child(n, key, name), depth + 1)) {
          return e;
        }
      }
      return std::nullopt;
    }
    if (key == "$ref") {
      if (!value.is_string()) return invalid(at, "$ref must be a string, got " + show(value)).error();
      auto target = resolve_ref(root_, value.get<std::string>(), at);
      if (!target) return target.error();
      if (!target->schema->is_object() && !target->schema->is_boolean()) {
        return invalid(at, "$ref \"" + value.get<std::string>() + "\" points at " + show(*target->schema) + ", which is not a schema").error();
      }
      pending_.push_back(std::move(*target));
      return std::nullopt;
    }
    return std::nullopt;  // annotations and keywords the generator does not read
  }

  const json& root_;
  std::set<std::string> visited_;  // pointers of the schemas checked so far

 public:
  std::map<std::string, const json*> nodes_;  // every schema checked, by pointer

 public:
  // Reference targets outside the keywords walked from the root (e.g. "#/x-shared/a").
  std::vector<Node> pending_;
};

// Schemas that apply to the same value as `n` (JSON Schema core "in-place applicators"), as
// (pointer of the keyword, pointer of the schema).
std::vector<std::pair<std::string, std::string>> in_place(const json& root, const std::string& at, const json& s) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!s.is_object()) return out;
  for (const auto& [key, value] : s.items()) {
    const std::string k = append(at, key);
    if (key == "$ref") {
      if (auto target = resolve_ref(root, value.get<std::string>(), k)) out.emplace_back(k, target->pointer);
    } else if (key == "allOf" || key == "anyOf" || key == "oneOf") {
      for (std::size_t i = 0; i < value.size(); ++i) out.emplace_back(k, append(k, std::to_string(i)));
    } else if (key == "not" || key == "if" || key == "then" || key == "else") {
      out.emplace_back(k, k);
    } else if (key == "dependentSchemas" || key == "dependencies") {
      for (const auto& [name, dep] : value.items()) {
        if (!dep.is_array()) out.emplace_back(k, append(k, name));
      }
    }
  }
  return out;
}

// A loop of in-place applicators ({"allOf": [{"$ref": "#"}]}) never reaches a value: validators
// (valijson among them) recurse on it until the stack overflows, so it is refused up front.
std::optional<core::Error> find_loop(const json& root, const std::map<std::string, const json*>& nodes) {
  enum class Mark { open, done };
  std::map<std::string, Mark> marks;
  std::optional<core::Error> found;
  std::function<void(const std::string&)> visit = [&](const std::string& at) {
    if (found) return;
    auto node = nodes.find(at);
    if (node == nodes.end()) return;
    marks[at] = Mark::open;
    for (const auto& [keyword_at, next] : in_place(root, at, *node->second)) {
      auto m = marks.find(next);
      if (m != marks.end() && m->second == Mark::open) {
        found = unsupported(keyword_at, "this keyword leads back to the schema at \"" + next +
                                            "\" without entering a property or an item: an endless loop for validators").error();
        return;
      }
      if (m == marks.end()) visit(next);
      if (found) return;
    }
    marks[at] = Mark::done;
  };
  for (const auto& [at, _] : nodes) {
    if (!marks.count(at)) visit(at);
    if (found) break;
  }
  return found;
}

}  // namespace

std::optional<core::Error> lint(const json& root) {
  Linter linter(root);
  if (auto e = linter.schema(Node{&root, ""}, 0)) return e;
  while (!linter.pending_.empty()) {
    const Node target = linter.pending_.back();
    linter.pending_.pop_back();
    if (auto e = linter.schema(target, 0)) return e;
  }
  return find_loop(root, linter.nodes_);
}

}  // namespace siraya::mock::generation::schema
