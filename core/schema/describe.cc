#include "core/schema/describe.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/schema/classify.h"
#include "core/schema/pointer.h"

namespace siraya::core::schema::detail {

namespace {

constexpr std::size_t kMaxValueText = 60;
constexpr std::size_t kMaxDescription = 160;
constexpr std::size_t kMaxAlternatives = 12;

std::string dump(const nlohmann::json& v) {
  return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Cuts UTF-8 text to at most `max` bytes at a character boundary, marking the cut.
std::string shorten(std::string text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text + "...";
}

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string value_text(const nlohmann::json* v) {
  if (v == nullptr) return "nothing";
  switch (v->type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::boolean: return "boolean " + dump(*v);
    case nlohmann::json::value_t::string: return "string " + shorten(dump(*v), kMaxValueText);
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return "integer " + dump(*v);
    case nlohmann::json::value_t::number_float: return "number " + dump(*v);
    case nlohmann::json::value_t::array:
      return "array of " + std::to_string(v->size()) + (v->size() == 1 ? " item" : " items");
    case nlohmann::json::value_t::object: return "object";
    default: return "a value";
  }
}

std::string join_or(const std::vector<std::string>& items) {
  std::string out;
  std::size_t shown = std::min(items.size(), kMaxAlternatives);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += (i + 1 == shown && shown == items.size()) ? " or " : ", ";
    out += items[i];
  }
  if (shown < items.size()) out += ", ... (" + std::to_string(items.size() - shown) + " more)";
  return out;
}

const nlohmann::json* keyword_value(const nlohmann::json* schema, std::string_view keyword) {
  if (schema == nullptr || !schema->is_object()) return nullptr;
  auto it = schema->find(std::string(keyword));
  return it == schema->end() ? nullptr : &*it;
}

std::string keyword_text(const nlohmann::json* schema, std::string_view keyword) {
  const nlohmann::json* v = keyword_value(schema, keyword);
  return v == nullptr ? "?" : shorten(dump(*v), kMaxValueText);
}

std::string plural(const std::string& count, std::string_view noun) {
  return count + " " + std::string(noun) + (count == "1" ? "" : "s");
}

struct Message {
  std::string what;
  std::string fix;
  Tokens pointer;
};

Message message_for(const Leaf& leaf, Tokens pointer, const nlohmann::json& instance,
                    const nlohmann::json* schema) {
  const nlohmann::json* value = find_node(instance, pointer);
  const std::string got = ", got " + value_text(value);
  if (!leaf.combinator.empty()) {
    if (leaf.alternatives.empty()) {
      return {"does not match any alternative of " + leaf.combinator + got,
              "send a value matching one of the " + leaf.combinator + " alternatives", pointer};
    }
    return {"expected " + join_or(leaf.alternatives) + got, "send one of the accepted forms", pointer};
  }
  Classified c = classify(leaf.description);
  std::string length;
  if (value != nullptr && value->is_string()) length = std::to_string(code_points(value->get<std::string>()));
  if (value != nullptr && (value->is_array() || value->is_object())) length = std::to_string(value->size());
  switch (c.kind) {
    case Kind::required:
      pointer.push_back(c.argument);
      return {"missing required property \"" + c.argument + "\"", "include \"" + c.argument + "\"", pointer};
    case Kind::additional_property:
      pointer.push_back(c.argument);
      return {"unexpected property \"" + c.argument + "\"", "remove \"" + c.argument + "\"", pointer};
    case Kind::dependency:
      pointer.push_back(c.argument);
      return {"missing property \"" + c.argument + "\" required by \"dependencies\"",
              "include \"" + c.argument + "\"", pointer};
    case Kind::type:
    case Kind::const_value:
    case Kind::enum_value: {
      auto accepted = expectation(leaf, [schema](std::string_view) { return schema; });
      std::string expected = c.kind == Kind::enum_value && accepted.size() > 1 ? "one of " + join_or(accepted)
                                                                                : join_or(accepted);
      return {"expected " + expected + got, "send " + expected, pointer};
    }
    case Kind::maximum:
      return {"expected a number <= " + keyword_text(schema, "maximum") + got, "keep the value in range", pointer};
    case Kind::exclusive_maximum:
      return {"expected a number < " + keyword_text(schema, "exclusiveMaximum") + got, "keep the value in range", pointer};
    case Kind::minimum:
      return {"expected a number >= " + keyword_text(schema, "minimum") + got, "keep the value in range", pointer};
    case Kind::exclusive_minimum:
      return {"expected a number > " + keyword_text(schema, "exclusiveMinimum") + got, "keep the value in range", pointer};
    case Kind::max_length:
      return {"expected at most " + plural(keyword_text(schema, "maxLength"), "character") + ", got " + length,
              "shorten the string", pointer};
    case Kind::min_length:
      return {"expected at least " + plural(keyword_text(schema, "minLength"), "character") + ", got " + length,
              "lengthen the string", pointer};
    case Kind::max_items:
      return {"expected at most " + plural(keyword_text(schema, "maxItems"), "item") + ", got " + length,
              "send fewer items", pointer};
    case Kind::min_items:
      return {"expected at least " + plural(keyword_text(schema, "minItems"), "item") + ", got " + length,
              "send more items", pointer};
    case Kind::max_properties:
      return {"expected at most " + plural(keyword_text(schema, "maxProperties"), "property") + ", got " + length,
              "send fewer properties", pointer};
    case Kind::min_properties:
      return {"expected at least " + plural(keyword_text(schema, "minProperties"), "property") + ", got " + length,
              "send more properties", pointer};
    case Kind::pattern:
      return {"expected a string matching " + keyword_text(schema, "pattern") + got,
              "send a value matching the pattern", pointer};
    case Kind::multiple_of:
      return {"expected a multiple of " + keyword_text(schema, "multipleOf") + got, "send a multiple", pointer};
    case Kind::one_of_many:
      return {"matches more than one alternative of oneOf" + got, "send a value matching exactly one", pointer};
    case Kind::not_schema:
      return {"matches the schema under \"not\"" + got, "send a value the \"not\" schema rejects", pointer};
    case Kind::property_summary:
    case Kind::item_summary:
    case Kind::other_summary:
      return {"value is not allowed here" + got, "remove or change the value", pointer};
    default:
      return {leaf.description, "make the value conform to the schema", pointer};
  }
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Document order of two instance locations: member by member, array indices numerically.
bool before(const Tokens& a, const Tokens& b) {
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (all_digits(a[i]) && all_digits(b[i]) && a[i].size() != b[i].size()) return a[i].size() < b[i].size();
    return a[i] < b[i];
  }
  return a.size() < b.size();
}

}  // namespace

std::vector<std::string> expectation(const Leaf& leaf, const SchemaLookup& lookup) {
  if (!leaf.alternatives.empty()) return leaf.alternatives;
  const nlohmann::json* schema = leaf.schema_path.empty() ? nullptr : lookup(leaf.schema_path);
  std::vector<std::string> out;
  switch (classify(leaf.description).kind) {
    case Kind::type:
      if (const auto* t = keyword_value(schema, "type")) {
        if (t->is_string()) out.push_back(t->get<std::string>());
        if (t->is_array()) {
          for (const auto& name : *t) {
            if (name.is_string()) out.push_back(name.get<std::string>());
          }
        }
      }
      break;
    case Kind::const_value:
      if (const auto* v = keyword_value(schema, "const")) out.push_back(shorten(dump(*v), kMaxValueText));
      break;
    case Kind::enum_value:
      if (const auto* e = keyword_value(schema, "enum"); e != nullptr && e->is_array()) {
        for (const auto& v : *e) out.push_back(shorten(dump(v), kMaxValueText));
      }
      break;
    default:
      break;
  }
  if (out.empty()) out.push_back("a different value");
  return out;
}

Findings describe(const std::vector<Leaf>& leaves, const nlohmann::json& instance,
                  const SchemaLookup& lookup, const Describe& how) {
  struct Located {
    Tokens pointer;
    Finding finding;
  };
  std::vector<Located> all;
  std::set<std::pair<std::string, std::string>> seen;
  for (const Leaf& leaf : leaves) {
    const nlohmann::json* schema = leaf.schema_path.empty() ? nullptr : lookup(leaf.schema_path);
    Message m = message_for(leaf, context_tokens(leaf.context, instance), instance, schema);
    std::string_view keyword = leaf.combinator.empty() ? keyword_of(classify(leaf.description).kind) : "";
    std::string cited = leaf.schema_path.empty() ? std::string(how.schema_id) : leaf.schema_path;
    if (!leaf.schema_path.empty() && !keyword.empty()) cited += "/" + std::string(keyword);
    Finding f;
    f.id = std::string(how.finding_id);
    f.severity = Severity::error;
    f.location = std::string(how.where) + "#" + join_pointer(m.pointer);
    f.what = m.what + " (schema " + cited + ")";
    f.fix = m.fix;
    if (const auto* d = keyword_value(schema, "description"); d != nullptr && d->is_string()) {
      f.fix += " - " + shorten(d->get<std::string>(), kMaxDescription);
    }
    if (!seen.emplace(f.location, f.what).second) continue;
    all.push_back(Located{std::move(m.pointer), std::move(f)});
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const Located& a, const Located& b) { return before(a.pointer, b.pointer); });
  Findings out;
  for (std::size_t i = 0; i < all.size() && i < kMaxFindings; ++i) out.push_back(std::move(all[i].finding));
  if (all.size() > kMaxFindings) {
    std::size_t dropped = all.size() - kMaxFindings;
    Finding f;
    f.id = std::string(how.finding_id);
    f.location = std::string(how.where);
    f.what = std::to_string(dropped) + " more schema violation" + (dropped == 1 ? "" : "s") +
             " not shown (schema " + std::string(how.schema_id) + ")";
    f.fix = "fix the violations above first";
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace siraya::core::schema::detail
