#include "core/schema/violations.h"

#include <utility>

#include "core/schema/explain.h"
#include "core/schema/pointer.h"

namespace siraya::core::schema::detail {

const nlohmann::json* lookup_in(const Documents& docs, std::string_view path) {
  auto hash = path.find('#');
  if (hash == std::string_view::npos) return nullptr;
  auto doc = docs.find(path.substr(0, hash));
  if (doc == docs.end()) return nullptr;
  auto tokens = split_pointer(path.substr(hash + 1));
  return tokens ? find_node(doc->second, *tokens) : nullptr;
}

Findings violations(const Compiled& instrumented, const nlohmann::json& instance, const Documents& docs,
                    const Describe& how) {
  SchemaLookup lookup = [&docs](std::string_view path) { return lookup_in(docs, path); };
  Findings out = describe(explain(instrumented.violations(instance), lookup), instance, lookup, how);
  if (out.empty()) {
    Finding f;
    f.id = std::string(how.finding_id);
    f.location = std::string(how.where) + "#";
    f.what = "value is not allowed by schema " + std::string(how.schema_id);
    f.fix = "send a value the schema accepts";
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace siraya::core::schema::detail
