// Arrays for Generator (generator.h): JSON Schema validation §6.4 (items, additionalItems,
// min/maxItems, uniqueItems, contains) and 2020-12 prefixItems. Where a schema uses prefixItems
// together with a schema-valued `items`, draft-07 validators (the harness's valijson among them)
// apply `items` to every element while 2020-12 applies it after the prefix only; positional
// elements are generated for both when the two agree, for prefixItems alone otherwise.
#include <algorithm>
#include <optional>

#include "mock/generation/schema/generator.h"

namespace siraya::mock::generation::schema {

using nlohmann::json;

namespace {

struct Shape {
  Node node;
  std::optional<std::pair<const json*, std::string>> prefix;  // list and its keyword
  std::optional<Node> rest;                                     // applies past the prefix
  bool items_everywhere = false;                                // prefixItems + items: draft-07 reads items for all
};

Shape shape_of(const Node& n) {
  Shape s{n, std::nullopt, std::nullopt, false};
  const json* prefix = keyword(n, "prefixItems");
  const json* items = keyword(n, "items");
  if (prefix) {
    s.prefix = std::make_pair(prefix, std::string("prefixItems"));
    if (items && !items->is_array()) {
      s.rest = child(n, "items");
      s.items_everywhere = *items != json(false) && *items != json(true);
    }
  } else if (items && items->is_array()) {
    s.prefix = std::make_pair(items, std::string("items"));
    if (keyword(n, "additionalItems")) s.rest = child(n, "additionalItems");
  } else if (items) {
    s.rest = child(n, "items");
  }
  return s;
}

}  // namespace

core::Result<json> Generator::array_value(const Conj& plain, std::string_view name, Depth depth) {
  std::size_t min = 0, max = static_cast<std::size_t>(-1);
  std::string min_at, max_at;
  bool unique = false;
  std::string unique_at;
  std::vector<Shape> shapes;
  Conj contains;
  std::size_t longest_prefix = 0;
  for (const Node& n : plain) {
    if (!n.schema->is_object()) continue;
    if (const json* v = keyword(n, "minItems"); v && v->get<double>() > static_cast<double>(min)) {
      min = static_cast<std::size_t>(std::min(v->get<double>(), 1e9)), min_at = append(n.pointer, "minItems");
    }
    if (const json* v = keyword(n, "maxItems"); v && v->get<double>() < static_cast<double>(max)) {
      max = static_cast<std::size_t>(v->get<double>()), max_at = append(n.pointer, "maxItems");
    }
    if (const json* v = keyword(n, "uniqueItems"); v && v->get<bool>()) unique = true, unique_at = append(n.pointer, "uniqueItems");
    if (keyword(n, "contains")) contains.push_back(child(n, "contains"));
    Shape s = shape_of(n);
    if (s.prefix) {
      longest_prefix = std::max(longest_prefix, s.prefix->first->size());
      // A closed tuple: nothing may follow the prefix.
      if (s.rest && *s.rest->schema == json(false) && s.prefix->first->size() < max) {
        max = s.prefix->first->size(), max_at = s.rest->pointer;
      }
    }
    shapes.push_back(std::move(s));
  }
  if (min > kMaxItems) return too_large(min_at, "minItems " + std::to_string(min) + " exceeds the " + std::to_string(kMaxItems) + " items siraya-mock generates");
  if (min > max) return unsatisfiable(min_at, "minItems " + std::to_string(min) + " is greater than the " + std::to_string(max) + " items allowed (at " + max_at + ")");
  if (!contains.empty() && max == 0) return unsatisfiable(contains.front().pointer, "contains needs an item, but maxItems is 0 (at " + max_at + ")");

  std::size_t count = std::max<std::size_t>(min, contains.empty() ? 0 : 1);
  if (!depth.minimal()) {
    count = std::max({count, static_cast<std::size_t>(rng_.between(1, 3)), longest_prefix});
  }
  count = std::min(count, max);

  const Depth inner = depth.inner();
  json out = json::array();
  for (std::size_t i = 0; i < count; ++i) {
    Conj nodes, compat;
    for (const Shape& s : shapes) {
      if (s.prefix && i < s.prefix->first->size()) {
        nodes.push_back(child(s.node, s.prefix->second, i));
        if (s.items_everywhere) compat.push_back(*s.rest);
      } else if (s.rest) {
        nodes.push_back(*s.rest);
      }
    }
    if (i == 0) nodes.insert(nodes.end(), contains.begin(), contains.end());
    core::Result<json> r = core::Unexpected<core::Error>(core::Error{});
    for (int attempt = 0; attempt < (unique ? 6 : 1); ++attempt) {
      if (!compat.empty()) {
        Conj both = nodes;
        both.insert(both.end(), compat.begin(), compat.end());
        r = value(both, name, inner);
      }
      if (compat.empty() || !r) {
        if (!compat.empty() && r.error().id == "schema.too_large") return forward(r.error());
        r = value(nodes, name, inner);
      }
      if (!r) break;
      if (!unique || std::none_of(out.begin(), out.end(), [&](const json& e) { return json_equal(e, *r); })) break;
      r = unsatisfiable(unique_at, "uniqueItems: could not generate " + std::to_string(std::max(min, i + 1)) + " distinct items");
    }
    if (!r) {
      // Items past minItems are optional: stop there instead of failing.
      if (i >= std::max<std::size_t>(min, contains.empty() ? 0 : 1) && r.error().id != "schema.too_large") break;
      return forward(r.error());
    }
    out.push_back(std::move(*r));
  }
  return out;
}

}  // namespace siraya::mock::generation::schema
