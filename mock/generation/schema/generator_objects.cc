// Objects for Generator (generator.h): JSON Schema validation §6.5 (properties, required,
// additionalProperties, patternProperties, min/maxProperties, propertyNames, dependencies) and
// 2020-12 dependentRequired / dependentSchemas. Each property's value is generated for every
// schema that applies to it across the conjunction (properties, matching patternProperties, or
// additionalProperties), so that `allOf` of object schemas works as a merge.
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "mock/generation/schema/generator.h"
#include "mock/generation/schema/pattern_strings.h"

namespace siraya::mock::generation::schema {

using nlohmann::json;

namespace {

constexpr std::array<std::string_view, 10> kExtraNames{"note", "label", "source", "extra", "comment",
                                                       "alias", "origin", "status", "owner", "kind"};

// What the object schemas in a conjunction say about property names.
class ObjectRules {
 public:
  ObjectRules(const Conj& plain, Conformance& conformance) : conformance_(conformance) {
    for (const Node& n : plain) {
      if (!n.schema->is_object()) continue;
      nodes_.push_back(n);
      if (const json* props = keyword(n, "properties")) {
        for (const auto& [k, _] : props->items()) {
          if (std::find(declared_.begin(), declared_.end(), k) == declared_.end()) declared_.push_back(k);
        }
      }
      if (const json* req = keyword(n, "required")) {
        for (std::size_t i = 0; i < req->size(); ++i) {
          const std::string k = (*req)[i].get<std::string>();
          if (!required_at_.count(k)) required_.push_back(k), required_at_[k] = append(append(n.pointer, "required"), std::to_string(i));
        }
      }
      for (const char* key : {"dependencies", "dependentRequired"}) {
        if (const json* deps = keyword(n, key)) {
          for (const auto& [k, v] : deps->items()) {
            if (!v.is_array()) continue;
            for (const auto& d : v) needs_[k].emplace_back(d.get<std::string>(), append(append(n.pointer, key), k));
          }
        }
      }
      for (const char* key : {"dependencies", "dependentSchemas"}) {
        if (const json* deps = keyword(n, key)) {
          for (const auto& [k, v] : deps->items()) {
            if (!v.is_array()) schema_deps_[k].push_back(child(n, key, k));
          }
        }
      }
      if (const json* no = keyword(n, "not"); no && no->is_object() && no->contains("required")) {
        bool only_required = true;
        for (const auto& [k, _] : no->items()) only_required = only_required && (k == "required" || k == "type");
        if (only_required) {
          std::set<std::string> set;
          for (const auto& r : (*no)["required"]) set.insert(r.get<std::string>());
          forbidden_sets_.emplace_back(std::move(set), append(n.pointer, "not"));
        }
      }
    }
  }

  const std::vector<std::string>& required() const { return required_; }
  const std::string& required_at(const std::string& key) const { return required_at_.at(key); }
  const std::vector<std::string>& declared() const { return declared_; }
  const std::vector<std::pair<std::string, std::string>>& needs(const std::string& key) const {
    static const std::vector<std::pair<std::string, std::string>> kNone;
    auto it = needs_.find(key);
    return it == needs_.end() ? kNone : it->second;
  }
  const std::vector<Node>* schema_deps(const std::string& key) const {
    auto it = schema_deps_.find(key);
    return it == schema_deps_.end() ? nullptr : &it->second;
  }
  bool has_patterns() const { return !patterns().empty(); }
  // Regular expressions new property names can be generated from: patternProperties keys and
  // propertyNames patterns.
  std::vector<std::string> patterns() const {
    std::vector<std::string> out;
    for (const Node& n : nodes_) {
      if (const json* p = keyword(n, "patternProperties")) {
        for (const auto& [k, _] : p->items()) out.push_back(k);
      }
      if (const json* names = keyword(n, "propertyNames"); names && names->is_object()) {
        if (auto p = names->find("pattern"); p != names->end() && p->is_string()) out.push_back(p->get<std::string>());
      }
    }
    return out;
  }

  // Why `key` may not appear (the pointer of the keyword that forbids it), or nullopt.
  std::optional<std::pair<std::string, std::string>> blocked(const std::string& key) {
    for (const Node& n : nodes_) {
      if (const json* names = keyword(n, "propertyNames"); names && !conformance_.conforms(json(key), child(n, "propertyNames"))) {
        return std::make_pair(append(n.pointer, "propertyNames"), std::string("propertyNames rejects the name"));
      }
      bool named = false;
      if (const json* props = keyword(n, "properties"); props && props->contains(key)) {
        named = true;
        if ((*props)[key] == json(false)) return std::make_pair(append(append(n.pointer, "properties"), key), std::string("its schema is false"));
      }
      if (const json* pats = keyword(n, "patternProperties")) {
        for (const auto& [p, sub] : pats->items()) {
          if (!conformance_.matches(p, key)) continue;
          named = true;
          if (sub == json(false)) return std::make_pair(append(append(n.pointer, "patternProperties"), p), std::string("its pattern's schema is false"));
        }
      }
      if (named) continue;
      const json* extra = keyword(n, "additionalProperties");
      if (extra && *extra == json(false)) {
        return std::make_pair(append(n.pointer, "additionalProperties"), std::string("additionalProperties is false and properties does not list it"));
      }
      const json* unevaluated = keyword(n, "unevaluatedProperties");
      if (!extra && unevaluated && *unevaluated == json(false) && !declared_has(key)) {
        return std::make_pair(append(n.pointer, "unevaluatedProperties"), std::string("unevaluatedProperties is false and no properties keyword lists it"));
      }
    }
    return std::nullopt;
  }

  // Every schema that applies to the value of `key`.
  Conj value_nodes(const std::string& key) {
    Conj out;
    for (const Node& n : nodes_) {
      bool named = false;
      if (const json* props = keyword(n, "properties"); props && props->contains(key)) {
        out.push_back(child(n, "properties", key));
        named = true;
      }
      if (const json* pats = keyword(n, "patternProperties")) {
        for (const auto& [p, _] : pats->items()) {
          if (conformance_.matches(p, key)) out.push_back(child(n, "patternProperties", p)), named = true;
        }
      }
      if (!named && keyword(n, "additionalProperties")) out.push_back(child(n, "additionalProperties"));
    }
    return out;
  }

  // Whether adding `key` to `chosen` completes a `not: {required: [...]}` set.
  bool completes_forbidden(const std::set<std::string>& chosen, const std::string& key) const {
    for (const auto& [set, _] : forbidden_sets_) {
      if (!set.count(key)) continue;
      if (std::all_of(set.begin(), set.end(), [&](const std::string& k) { return k == key || chosen.count(k); })) return true;
    }
    return false;
  }
  std::optional<std::string> forbidden_by_required() const {
    for (const auto& [set, at] : forbidden_sets_) {
      if (std::all_of(set.begin(), set.end(), [&](const std::string& k) { return required_at_.count(k) > 0; })) return at;
    }
    return std::nullopt;
  }

 private:
  bool declared_has(const std::string& key) const { return std::find(declared_.begin(), declared_.end(), key) != declared_.end(); }

  Conformance& conformance_;
  std::vector<Node> nodes_;
  std::vector<std::string> declared_;
  std::vector<std::string> required_;
  std::map<std::string, std::string> required_at_;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> needs_;  // key -> (needed key, pointer)
  std::map<std::string, std::vector<Node>> schema_deps_;
  std::vector<std::pair<std::set<std::string>, std::string>> forbidden_sets_;
};

}  // namespace

core::Result<json> Generator::object_value(const Conj& plain, std::string_view name, Depth depth) {
  ObjectRules rules(plain, conformance_);
  std::size_t min = 0, max = static_cast<std::size_t>(-1);
  std::string min_at, max_at;
  for (const Node& n : plain) {
    if (const json* v = keyword(n, "minProperties"); v && v->get<double>() > static_cast<double>(min)) {
      min = static_cast<std::size_t>(std::min(v->get<double>(), 1e9)), min_at = append(n.pointer, "minProperties");
    }
    if (const json* v = keyword(n, "maxProperties"); v && v->get<double>() < static_cast<double>(max)) {
      max = static_cast<std::size_t>(v->get<double>()), max_at = append(n.pointer, "maxProperties");
    }
  }
  if (min > kMaxItems) return too_large(min_at, "minProperties " + std::to_string(min) + " exceeds the " + std::to_string(kMaxItems) + " properties siraya-mock generates");
  if (min > max) return unsatisfiable(min_at, "minProperties " + std::to_string(min) + " is greater than maxProperties " + std::to_string(max) + " (at " + max_at + ")");

  // Required properties, and what they need in turn (dependencies / dependentRequired).
  std::vector<std::string> keys;
  std::set<std::string> chosen;
  std::vector<std::pair<std::string, std::string>> pending;  // (key, pointer that requires it)
  for (const auto& k : rules.required()) pending.emplace_back(k, rules.required_at(k));
  while (!pending.empty()) {
    auto [k, at] = pending.front();
    pending.erase(pending.begin());
    if (chosen.count(k)) continue;
    if (auto why = rules.blocked(k)) {
      return unsatisfiable(at, "required property \"" + k + "\" is not allowed: " + why->second + " (at " + why->first + ")");
    }
    keys.push_back(k);
    chosen.insert(k);
    for (const auto& need : rules.needs(k)) pending.push_back(need);
  }
  if (auto at = rules.forbidden_by_required()) return unsatisfiable(*at, "not forbids a set of properties that are all required");
  if (keys.size() > max) {
    return unsatisfiable(max_at, "maxProperties " + std::to_string(max) + " is less than the " + std::to_string(keys.size()) + " required properties");
  }

  // Optional properties: all of them (a client sees every declared field), none in minimal mode
  // unless minProperties asks; never one that would break maxProperties, a `not: {required}`,
  // its own dependencies, or one with dependentSchemas.
  auto try_add = [&](const std::string& k) {
    if (chosen.count(k) || rules.schema_deps(k) || rules.blocked(k) || rules.completes_forbidden(chosen, k)) return false;
    std::vector<std::string> extra{k};
    for (const auto& need : rules.needs(k)) {
      if (!chosen.count(need.first) && std::find(extra.begin(), extra.end(), need.first) == extra.end()) {
        if (rules.blocked(need.first)) return false;
        extra.push_back(need.first);
      }
    }
    if (keys.size() + extra.size() > max) return false;
    for (const auto& e : extra) keys.push_back(e), chosen.insert(e);
    return true;
  };
  const std::size_t required_count = keys.size();
  for (const auto& k : rules.declared()) {
    if (depth.minimal() && keys.size() >= min) break;
    try_add(k);
  }
  // Still short of minProperties: invent names the schema allows.
  for (std::size_t attempt = 0; keys.size() < min && attempt < 4 * min + 2 * (kExtraNames.size() + 26); ++attempt) {
    std::string k;
    if (rules.has_patterns() && attempt % 2 == 1) {
      const auto patterns = rules.patterns();
      auto r = string_for_pattern(patterns[attempt / 2 % patterns.size()], 1, 40, rng_,
                                  [&](const std::string& s) { return !chosen.count(s) && !rules.blocked(s); });
      if (!r) continue;
      k = *r;
    } else if (attempt / 2 < kExtraNames.size()) {
      k = std::string(kExtraNames[attempt / 2]);
    } else if (attempt / 2 < kExtraNames.size() + 26) {
      k = std::string(1, static_cast<char>('a' + (attempt / 2 - kExtraNames.size())));  // short names for propertyNames limits
    } else {
      k = "k" + std::to_string(attempt);
    }
    try_add(k);
  }
  if (keys.size() < min) {
    return unsatisfiable(min_at, "minProperties " + std::to_string(min) + " cannot be reached: the schema allows only " +
                                     std::to_string(keys.size()) + " properties here");
  }

  // A required property's dependentSchemas apply to the whole object: generate again with them.
  Conj with_deps = plain;
  for (std::size_t i = 0; i < required_count; ++i) {
    if (const auto* deps = rules.schema_deps(keys[i])) {
      for (const Node& d : *deps) {
        if (std::none_of(with_deps.begin(), with_deps.end(), [&](const Node& p) { return p.pointer == d.pointer; })) with_deps.push_back(d);
      }
    }
  }
  if (with_deps.size() > plain.size()) return value(with_deps, name, depth);

  json out = json::object();
  const Depth inner = depth.inner();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    auto r = value(rules.value_nodes(keys[i]), keys[i], inner);
    if (r) {
      out[keys[i]] = std::move(*r);
      continue;
    }
    // An optional property that cannot be generated is left out; a required one cannot be.
    if (i < required_count || r.error().id == "schema.too_large") return forward(r.error());
  }
  return out;
}

}  // namespace siraya::mock::generation::schema
