// GCC 12 reports a false -Wmaybe-uninitialized inside <regex>'s std::function when built with the
// sanitizers; must precede every include.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "mock/generation/schema/conformance.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace siraya::mock::generation::schema {

using nlohmann::json;

namespace {

// Deeper than any schema lint() accepts: only a `$ref` loop that never consumes the value
// ({"$ref": "#"} at the root) gets here, and such a schema is treated as unsatisfiable.
constexpr int kMaxDepth = 4 * 128;

const json* find(const json& s, std::string_view key) {
  auto it = s.find(key);
  return it == s.end() ? nullptr : &*it;
}

double num(const json& v) { return v.get<double>(); }

}  // namespace

bool has_type(const json& value, std::string_view type) {
  if (type == "null") return value.is_null();
  if (type == "boolean") return value.is_boolean();
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "number") return value.is_number();
  if (type == "integer") return value.is_number_integer();  // valijson's strict types: 1.0 is not one
  if (type == "string") return value.is_string();
  return false;
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

bool json_equal(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) {
    if (a.is_number_integer() && b.is_number_integer()) {
      if (a.is_number_unsigned() || b.is_number_unsigned()) return a == b;
      return a.get<std::int64_t>() == b.get<std::int64_t>();
    }
    return num(a) == num(b);
  }
  if (a.type() != b.type()) return false;
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!json_equal(a[i], b[i])) return false;
    }
    return true;
  }
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (const auto& [k, v] : a.items()) {
      auto it = b.find(k);
      if (it == b.end() || !json_equal(v, *it)) return false;
    }
    return true;
  }
  return a == b;
}

bool Conformance::matches(const std::string& pattern, const std::string& text) {
  try {
    auto it = regexes_.find(pattern);
    if (it == regexes_.end()) it = regexes_.emplace(pattern, std::regex(pattern, std::regex::ECMAScript)).first;
    return std::regex_search(text, it->second);
  } catch (const std::regex_error&) {
    return false;  // error_complexity / error_stack: no usable answer, so not a match
  }
}

std::optional<std::string> Conformance::violation(const json& value, const std::vector<Node>& nodes) {
  for (const auto& n : nodes) {
    if (auto v = violation(value, n)) return v;
  }
  return std::nullopt;
}

std::optional<std::string> Conformance::violation(const json& value, const Node& node) {
  return check(value, *node.schema, node.pointer, 0);
}

std::optional<std::string> Conformance::check(const json& v, const json& s, const std::string& at, int depth) {
  ++checks_;
  if (depth > kMaxDepth) return at;
  if (s.is_boolean()) return s.get<bool>() ? std::nullopt : std::optional<std::string>(at);
  if (!s.is_object()) return std::nullopt;
  if (const json* ref = find(s, "$ref")) {
    auto target = resolve_ref(root_, ref->get<std::string>(), append(at, "$ref"));
    if (!target) return append(at, "$ref");
    const auto key = std::make_pair(target->schema, &v);
    if (std::find(ref_stack_.begin(), ref_stack_.end(), key) == ref_stack_.end()) {
      ref_stack_.push_back(key);
      auto bad = check(v, *target->schema, target->pointer, depth + 1);
      ref_stack_.pop_back();
      if (bad) return bad;
    }
  }
  if (const json* t = find(s, "type")) {
    bool ok = false;
    if (t->is_string()) {
      ok = has_type(v, t->get<std::string>());
    } else {
      for (const auto& name : *t) ok = ok || has_type(v, name.get<std::string>());
    }
    if (!ok) return append(at, "type");
  }
  if (const json* c = find(s, "const"); c && !json_equal(v, *c)) return append(at, "const");
  if (const json* e = find(s, "enum")) {
    bool ok = false;
    for (const auto& option : *e) ok = ok || json_equal(v, option);
    if (!ok) return append(at, "enum");
  }
  std::optional<std::string> bad;
  if (v.is_number()) bad = check_number(v, s, at);
  if (v.is_string()) bad = check_string(v, s, at);
  if (v.is_array()) bad = check_array(v, s, at, depth);
  if (v.is_object()) bad = check_object(v, s, at, depth);
  if (bad) return bad;
  return check_applicators(v, s, at, depth);
}

std::optional<std::string> Conformance::check_number(const json& v, const json& s, const std::string& at) {
  const double d = num(v);
  const json* xmin = find(s, "exclusiveMinimum");
  const json* xmax = find(s, "exclusiveMaximum");
  if (const json* m = find(s, "minimum")) {
    const bool exclusive = xmin && xmin->is_boolean() && xmin->get<bool>();  // draft-04 form
    if (exclusive ? !(d > num(*m)) : !(d >= num(*m))) return append(at, "minimum");
  }
  if (const json* m = find(s, "maximum")) {
    const bool exclusive = xmax && xmax->is_boolean() && xmax->get<bool>();
    if (exclusive ? !(d < num(*m)) : !(d <= num(*m))) return append(at, "maximum");
  }
  if (xmin && xmin->is_number() && !(d > num(*xmin))) return append(at, "exclusiveMinimum");
  if (xmax && xmax->is_number() && !(d < num(*xmax))) return append(at, "exclusiveMaximum");
  if (const json* m = find(s, "multipleOf")) {
    // valijson's rule: integer by integer exactly, otherwise an IEEE remainder within epsilon.
    if (m->is_number_integer() && v.is_number_integer() && !v.is_number_unsigned()) {
      const auto divisor = m->get<std::int64_t>();
      if (divisor != 0 && v.get<std::int64_t>() % divisor != 0) return append(at, "multipleOf");
    } else if (d != 0 && std::fabs(std::remainder(d, num(*m))) > std::numeric_limits<double>::epsilon()) {
      return append(at, "multipleOf");
    }
  }
  return std::nullopt;
}

std::optional<std::string> Conformance::check_string(const json& v, const json& s, const std::string& at) {
  const std::string& text = v.get_ref<const std::string&>();
  const std::size_t length = code_points(text);
  if (const json* m = find(s, "minLength"); m && static_cast<double>(length) < num(*m)) return append(at, "minLength");
  if (const json* m = find(s, "maxLength"); m && static_cast<double>(length) > num(*m)) return append(at, "maxLength");
  if (const json* p = find(s, "pattern"); p && !matches(p->get<std::string>(), text)) return append(at, "pattern");
  return std::nullopt;
}

std::optional<std::string> Conformance::check_array(const json& v, const json& s, const std::string& at, int depth) {
  const double n = static_cast<double>(v.size());
  if (const json* m = find(s, "minItems"); m && n < num(*m)) return append(at, "minItems");
  if (const json* m = find(s, "maxItems"); m && n > num(*m)) return append(at, "maxItems");
  if (const json* u = find(s, "uniqueItems"); u && u->get<bool>()) {
    for (std::size_t i = 0; i < v.size(); ++i) {
      for (std::size_t j = i + 1; j < v.size(); ++j) {
        if (json_equal(v[i], v[j])) return append(at, "uniqueItems");
      }
    }
  }
  const json* prefix = find(s, "prefixItems");
  const json* items = find(s, "items");
  std::size_t covered = 0;  // elements checked against a positional schema
  auto positional = [&](const json& list, const char* key) -> std::optional<std::string> {
    for (std::size_t i = 0; i < list.size() && i < v.size(); ++i) {
      if (check(v[i], list[i], append(append(at, key), std::to_string(i)), depth + 1)) {
        return append(append(at, key), std::to_string(i));
      }
    }
    covered = std::max(covered, std::min(list.size(), v.size()));
    return std::nullopt;
  };
  if (prefix) {
    if (auto bad = positional(*prefix, "prefixItems")) return bad;
  }
  if (items && items->is_array()) {
    if (auto bad = positional(*items, "items")) return bad;
    if (const json* extra = find(s, "additionalItems")) {
      for (std::size_t i = covered; i < v.size(); ++i) {
        if (check(v[i], *extra, append(at, "additionalItems"), depth + 1)) return append(at, "additionalItems");
      }
    }
  } else if (items) {
    for (std::size_t i = covered; i < v.size(); ++i) {
      if (check(v[i], *items, append(at, "items"), depth + 1)) return append(at, "items");
    }
  }
  if (const json* contains = find(s, "contains")) {
    std::size_t hits = 0;
    for (const auto& item : v) hits += !check(item, *contains, append(at, "contains"), depth + 1);
    const json* min = find(s, "minContains");
    const json* max = find(s, "maxContains");
    if (static_cast<double>(hits) < (min ? num(*min) : 1.0)) return append(at, "contains");
    if (max && static_cast<double>(hits) > num(*max)) return append(at, "maxContains");
  }
  return std::nullopt;
}

std::optional<std::string> Conformance::check_object(const json& v, const json& s, const std::string& at, int depth) {
  const double n = static_cast<double>(v.size());
  if (const json* m = find(s, "minProperties"); m && n < num(*m)) return append(at, "minProperties");
  if (const json* m = find(s, "maxProperties"); m && n > num(*m)) return append(at, "maxProperties");
  if (const json* r = find(s, "required")) {
    for (std::size_t i = 0; i < r->size(); ++i) {
      if (!v.contains((*r)[i].get<std::string>())) return append(append(at, "required"), std::to_string(i));
    }
  }
  const json* props = find(s, "properties");
  const json* patterns = find(s, "patternProperties");
  const json* additional = find(s, "additionalProperties");
  const json* names = find(s, "propertyNames");
  for (const auto& [key, value] : v.items()) {
    if (names && check(json(key), *names, append(at, "propertyNames"), depth + 1)) return append(at, "propertyNames");
    bool declared = false;
    if (props) {
      if (auto it = props->find(key); it != props->end()) {
        declared = true;
        const std::string where = append(append(at, "properties"), key);
        if (auto bad = check(value, *it, where, depth + 1)) return bad;
      }
    }
    if (patterns) {
      for (const auto& [pattern, sub] : patterns->items()) {
        if (!matches(pattern, key)) continue;
        declared = true;
        const std::string where = append(append(at, "patternProperties"), pattern);
        if (auto bad = check(value, sub, where, depth + 1)) return bad;
      }
    }
    if (!declared && additional) {
      if (auto bad = check(value, *additional, append(at, "additionalProperties"), depth + 1)) return bad;
    }
  }
  for (const char* key : {"dependencies", "dependentRequired", "dependentSchemas"}) {
    const json* deps = find(s, key);
    if (!deps) continue;
    for (const auto& [name, dep] : deps->items()) {
      if (!v.contains(name)) continue;
      const std::string where = append(append(at, key), name);
      if (dep.is_array()) {
        for (const auto& other : dep) {
          if (!v.contains(other.get<std::string>())) return where;
        }
      } else if (auto bad = check(v, dep, where, depth + 1)) {
        return bad;
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> Conformance::check_applicators(const json& v, const json& s, const std::string& at, int depth) {
  if (const json* all = find(s, "allOf")) {
    for (std::size_t i = 0; i < all->size(); ++i) {
      if (auto bad = check(v, (*all)[i], append(append(at, "allOf"), std::to_string(i)), depth + 1)) return bad;
    }
  }
  if (const json* any = find(s, "anyOf")) {
    bool ok = false;
    for (std::size_t i = 0; i < any->size() && !ok; ++i) ok = !check(v, (*any)[i], append(append(at, "anyOf"), std::to_string(i)), depth + 1);
    if (!ok) return append(at, "anyOf");
  }
  if (const json* one = find(s, "oneOf")) {
    std::size_t hits = 0;
    for (std::size_t i = 0; i < one->size() && hits < 2; ++i) {
      hits += !check(v, (*one)[i], append(append(at, "oneOf"), std::to_string(i)), depth + 1);
    }
    if (hits != 1) return append(at, "oneOf");
  }
  if (const json* no = find(s, "not"); no && !check(v, *no, append(at, "not"), depth + 1)) return append(at, "not");
  if (const json* cond = find(s, "if")) {
    const bool holds = !check(v, *cond, append(at, "if"), depth + 1);
    const char* branch = holds ? "then" : "else";
    if (const json* b = find(s, branch)) {
      if (auto bad = check(v, *b, append(at, branch), depth + 1)) return bad;
    }
  }
  return std::nullopt;
}

}  // namespace siraya::mock::generation::schema
