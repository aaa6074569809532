#include "mock/generation/schema/generator.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "mock/generation/schema/plausible.h"

namespace siraya::mock::generation::schema {

using nlohmann::json;

namespace {

// Type bits: "number" admits integers too, so it is number_bit | integer_bit.
enum : unsigned {
  kNull = 1, kBoolean = 2, kObject = 4, kArray = 8, kNumber = 16, kInteger = 32, kString = 64, kAll = 127
};

unsigned bits_of_name(std::string_view type) {
  if (type == "null") return kNull;
  if (type == "boolean") return kBoolean;
  if (type == "object") return kObject;
  if (type == "array") return kArray;
  if (type == "number") return kNumber | kInteger;
  if (type == "integer") return kInteger;
  return kString;
}

unsigned bits_of(const json& type) {
  if (type.is_string()) return bits_of_name(type.get_ref<const std::string&>());
  unsigned bits = 0;
  for (const auto& t : type) bits |= bits_of_name(t.get_ref<const std::string&>());
  return bits;
}

std::string names_of(unsigned bits) {
  std::string out;
  constexpr std::array<std::pair<unsigned, const char*>, 7> kNames{{{kNull, "null"}, {kBoolean, "boolean"}, {kObject, "object"},
                                                                   {kArray, "array"}, {kNumber, "number"}, {kInteger, "integer"},
                                                                   {kString, "string"}}};
  for (const auto& [bit, name] : kNames) {
    if (bits & bit) out += (out.empty() ? "" : ", ") + std::string(name);
  }
  return out.empty() ? "nothing" : out;
}

// The type name as a string literal (the order list outlives the schema copy it came from).
std::string_view canonical_type(std::string_view t) {
  for (std::string_view k : {"null", "boolean", "object", "array", "number", "integer", "string"}) {
    if (k == t) return k;
  }
  return "string";
}

bool has_any(const Node& n, std::initializer_list<std::string_view> keys) {
  return std::any_of(keys.begin(), keys.end(), [&](std::string_view k) { return keyword(n, k) != nullptr; });
}

// A `not` whose only assertion is `type` removes those types up front.
unsigned types_excluded_by_not(const Node& n) {
  const json* no = keyword(n, "not");
  if (!no || !no->is_object() || !no->contains("type")) return 0;
  for (const auto& [k, _] : no->items()) {
    if (k != "type" && k != "description" && k != "title" && k != "$comment") return 0;
  }
  return bits_of((*no)["type"]);
}

bool null_only(const json& s) {
  if (!s.is_object()) return false;
  if (auto t = s.find("type"); t != s.end() && *t == "null") return true;
  if (auto c = s.find("const"); c != s.end() && c->is_null()) return true;
  return false;
}

bool mentions_ref(const json& s, int depth = 0) {
  if (depth > 8) return true;
  if (s.is_object()) {
    if (s.contains("$ref")) return true;
    for (const auto& [_, v] : s.items()) {
      if ((v.is_object() || v.is_array()) && mentions_ref(v, depth + 1)) return true;
    }
  } else if (s.is_array()) {
    for (const auto& v : s) {
      if (mentions_ref(v, depth + 1)) return true;
    }
  }
  return false;
}

// How far a branch is from a leaf, for the minimal mode's ordering.
int branch_cost(const json& s) {
  if (null_only(s)) return 0;
  if (mentions_ref(s)) return 3;
  if (s.is_object()) {
    auto t = s.find("type");
    if (t != s.end() && t->is_string() && *t != "object" && *t != "array") return 1;
    if (s.contains("const") || s.contains("enum")) return 1;
  }
  return 2;
}

bool is_too_large(const core::Error& e) { return e.id == "schema.too_large"; }

std::string steps_exceeded() {
  return "generating an instance takes more than " + std::to_string(kMaxSteps) + " steps (values, alternatives and retries) or " +
         std::to_string(kMaxChecks) + " schema checks: too many items or combinations";
}

}  // namespace

Generator::Generator(const json& root, Rng& rng) : root_(root), rng_(rng), conformance_(root) {}

// Conformance checks count too: a schema whose alternatives always fail ("exactly one" of two
// branches that both hold) under recursive items re-checks whole subtrees on every retry, which
// took seconds within kMaxSteps (fuzz/regressions/schema_generator/).
bool Generator::step() { return ++steps_ <= kMaxSteps && conformance_.checks() <= kMaxChecks; }

core::Result<json> Generator::generate() { return value(Conj{Node{&root_, ""}}, "", Depth{}); }

core::Result<json> Generator::value(const Conj& conj, std::string_view name, Depth depth) {
  const std::string& at = conj.empty() ? std::string() : conj.front().pointer;
  if (!step()) return too_large(at, steps_exceeded());
  if (depth.values > kMaxDepth) {
    return unsatisfiable(at, "the schema has no finite instance: values must nest more than " + std::to_string(kMaxDepth) +
                                 " levels deep (a required property, minItems or allOf keeps recursing)");
  }
  Flat flat;
  for (const Node& n : conj) {
    if (auto r = expand(n, flat, 0); !r) return forward(r.error());
  }
  depth.refs += flat.refs;
  flat.refs = 0;
  return decide(std::move(flat), name, depth);
}

core::Result<void> Generator::expand(const Node& node, Flat& flat, int chain) {
  if (chain > 64) return unsupported(node.pointer, "a chain of more than 64 $ref keywords never reaches a schema");
  if (std::any_of(flat.plain.begin(), flat.plain.end(), [&](const Node& p) { return p.pointer == node.pointer; })) return {};
  if (node.schema->is_boolean()) {
    if (!node.schema->get<bool>()) return unsatisfiable(node.pointer, "the schema is false, which no value satisfies");
    return {};
  }
  flat.plain.push_back(node);
  if (const json* ref = keyword(node, "$ref")) {
    auto target = resolve_ref(root_, ref->get<std::string>(), append(node.pointer, "$ref"));
    if (!target) return forward(target.error());
    ++flat.refs;
    if (auto r = expand(*target, flat, chain + 1); !r) return r;
  }
  if (const json* all = keyword(node, "allOf")) {
    for (std::size_t i = 0; i < all->size(); ++i) {
      if (auto r = expand(child(node, "allOf", i), flat, chain); !r) return r;
    }
  }
  for (const char* k : {"anyOf", "oneOf", "if"}) {
    if (keyword(node, k)) flat.choices.emplace_back(node, k);
  }
  return {};
}

core::Result<json> Generator::decide(Flat flat, std::string_view name, Depth depth) {
  if (flat.choices.empty()) return leaf(flat.plain, name, depth);
  const Node node = flat.choices.front().first;
  const std::string kw = flat.choices.front().second;
  flat.choices.erase(flat.choices.begin());
  if (!step()) return too_large(node.pointer, steps_exceeded());

  // Options, each the nodes it adds to the conjunction, with its index in the schema (errors
  // report the lowest index's failure, whatever order the options were tried in).
  std::vector<std::pair<std::vector<Node>, std::size_t>> options;
  if (kw == "if") {
    // Satisfy `if` and `then`, or take `else` (the final check rejects a value that satisfies
    // `if` without `then`).
    std::vector<Node> yes{child(node, "if")};
    if (keyword(node, "then")) yes.push_back(child(node, "then"));
    options.emplace_back(std::move(yes), 0);
    options.emplace_back(keyword(node, "else") ? std::vector<Node>{child(node, "else")} : std::vector<Node>{}, 1);
  } else {
    const json& list = *keyword(node, kw);
    std::vector<std::size_t> order(list.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (depth.minimal()) {
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return branch_cost(list[a]) < branch_cost(list[b]); });
    } else {
      // Branches that allow more than null first, starting at a drawn one; null-only last.
      auto mid = std::stable_partition(order.begin(), order.end(), [&](std::size_t i) { return !null_only(list[i]); });
      const auto live = static_cast<std::size_t>(mid - order.begin());
      if (live > 1) std::rotate(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(rng_.below(live)), mid);
    }
    for (std::size_t i : order) options.emplace_back(std::vector<Node>{child(node, kw, i)}, i);
  }

  std::optional<core::Error> best;
  std::size_t best_index = 0;
  for (const auto& [added, index] : options) {
    Flat next = flat;
    core::Result<json> r = [&, &nodes = added]() -> core::Result<json> {
      for (const Node& n : nodes) {
        if (auto e = expand(n, next, 0); !e) return forward(e.error());
      }
      Depth d = depth;
      d.refs += next.refs;
      next.refs = 0;
      return decide(std::move(next), name, d);
    }();
    if (r) return r;
    if (is_too_large(r.error())) return forward(r.error());
    if (!best || index < best_index) best = r.error(), best_index = index;
  }
  return forward(*best);
}

core::Result<json> Generator::leaf(const Conj& plain, std::string_view name, Depth depth) {
  // Types: the intersection of every `type`, minus `not: {type}`.
  unsigned allowed = kAll;
  const json* declared = nullptr;
  for (const Node& n : plain) {
    if (const json* t = keyword(n, "type")) {
      const unsigned bits = bits_of(*t);
      if ((allowed & bits) == 0) {
        return unsatisfiable(append(n.pointer, "type"), "type " + show(*t) + " excludes every type the rest of the schema allows (" + names_of(allowed) + ")");
      }
      allowed &= bits;
      if (!declared) declared = t;
    }
    if (const unsigned no = types_excluded_by_not(n)) {
      if ((allowed & ~no) == 0) return unsatisfiable(append(n.pointer, "not"), "not excludes every type the rest of the schema allows");
      allowed &= ~no;
    }
  }

  // const / enum: pick among the listed values that satisfy everything.
  const Node* listing = nullptr;
  for (const Node& n : plain) {
    if (keyword(n, "const") || keyword(n, "enum")) {
      listing = &n;
      break;
    }
  }
  if (listing) {
    const json* c = keyword(*listing, "const");
    const json candidates = c ? json::array({*c}) : *keyword(*listing, "enum");
    const std::string at = append(listing->pointer, c ? "const" : "enum");
    if (candidates.empty()) return unsatisfiable(at, "enum is empty, so no value satisfies it");
    std::vector<const json*> fitting;
    for (const auto& v : candidates) {
      if (!step()) return too_large(at, steps_exceeded());
      if (!conformance_.violation(v, plain)) fitting.push_back(&v);
    }
    if (fitting.empty()) {
      return unsatisfiable(at, std::string(c ? "const " + show(*c) + " does not" : "no value of enum") +
                                   " satisfy the other keywords that apply here");
    }
    return *fitting[rng_.below(fitting.size())];
  }

  // Type order: what the keywords imply, the root's object, the declared order, the name's
  // usual type, then the rest; null last.
  std::vector<std::string_view> order;
  auto add = [&](std::string_view t) {
    unsigned bits = bits_of_name(t);
    if (t == "number") bits = kNumber;
    if ((allowed & bits) && std::find(order.begin(), order.end(), t) == order.end()) order.push_back(t);
  };
  for (const Node& n : plain) {
    if (has_any(n, {"properties", "required", "additionalProperties", "patternProperties", "minProperties", "maxProperties",
                    "propertyNames", "dependencies", "dependentRequired"})) {
      add("object");
    }
    if (has_any(n, {"items", "prefixItems", "minItems", "maxItems", "contains", "uniqueItems", "additionalItems"})) add("array");
    if (has_any(n, {"minLength", "maxLength", "pattern", "format"})) add("string");
    if (has_any(n, {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"})) {
      add("number");
      add("integer");
    }
  }
  if (depth.values == 0) add("object");
  if (declared) {
    const json list = declared->is_array() ? *declared : json::array({*declared});
    for (const auto& t : list) {
      if (t != "null") add(canonical_type(t.get_ref<const std::string&>()));
    }
  }
  if (allowed == kAll) add(named_type(name));
  for (std::string_view t : {"string", "integer", "number", "boolean", "object", "array", "null"}) add(t);

  std::optional<core::Error> first;
  for (std::string_view type : order) {
    // Later attempts draw again; the last one asks for the smallest value (no optional
    // properties), which is what oneOf / not over object shapes usually need.
    for (int attempt = 0; attempt < 4; ++attempt) {
      if (!step()) return too_large(plain.empty() ? "" : plain.front().pointer, steps_exceeded());
      Depth d = depth;
      d.forced = d.forced || attempt == 3;
      core::Result<json> r = of_type(type, plain, name, d);
      if (!r) {
        if (is_too_large(r.error())) return forward(r.error());
        if (!first) first = r.error();
        break;
      }
      const auto bad = conformance_.violation(*r, plain);
      if (!bad) return r;
      if (!first) {
        const std::string kw = bad->substr(bad->rfind('/') + 1);
        first = unsupported(*bad, "could not generate a value that satisfies \"" + kw + "\" together with the rest of the schema").error();
      }
    }
  }
  if (!first) return unsatisfiable(plain.empty() ? "" : plain.front().pointer, "no JSON type satisfies this schema");
  return forward(*first);
}

core::Result<json> Generator::of_type(std::string_view type, const Conj& plain, std::string_view name, Depth depth) {
  if (type == "null") return json(nullptr);
  if (type == "boolean") return json(rng_.below(2) == 1);
  if (type == "string") return string_value(plain, name);
  if (type == "integer") return number_value(plain, name, true);
  if (type == "number") return number_value(plain, name, false);
  if (type == "object") return object_value(plain, name, depth);
  return array_value(plain, name, depth);
}

}  // namespace siraya::mock::generation::schema
