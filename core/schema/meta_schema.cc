#include "core/schema/meta_schema.h"

#include <cassert>
#include <exception>
#include <memory>
#include <string_view>

#include "core/embedded.h"
#include "core/schema/compiled.h"
#include "core/schema/violations.h"

namespace siraya::core::schema::detail {

namespace {

struct MetaSchema {
  Documents docs;
  std::unique_ptr<Compiled> plain;
  std::unique_ptr<Compiled> instrumented;
};

// Compiled once, on first use (thread-safe static initialisation); null when not embedded.
const MetaSchema* meta_schema() {
  static const std::unique_ptr<MetaSchema> meta = []() -> std::unique_ptr<MetaSchema> {
    for (const auto& file : core::embedded::schemas()) {
      if (file.path != kMetaSchemaId) continue;
      auto out = std::make_unique<MetaSchema>();
      out->docs.emplace(kMetaSchemaId, nlohmann::json::parse(file.content, nullptr, false));
      Bundler bundler(out->docs);
      bool analysed = !bundler.analyse().has_value();
      assert(analysed && "the embedded draft-07 meta-schema must load");
      if (!analysed) return nullptr;
      auto plain = Compiled::compile(bundler.bundle(kMetaSchemaId, false));
      auto instrumented = Compiled::compile(bundler.bundle(kMetaSchemaId, true));
      assert(plain && instrumented && "the embedded draft-07 meta-schema must compile");
      if (!plain || !instrumented) return nullptr;
      out->plain = std::move(plain).value();
      out->instrumented = std::move(instrumented).value();
      return out;
    }
    return nullptr;
  }();
  return meta.get();
}

}  // namespace

std::optional<Problem> check_against_meta_schema(const nlohmann::json& schema, const std::string& file) {
  const MetaSchema* meta = meta_schema();
  if (meta == nullptr) return std::nullopt;
  try {
    if (meta->plain->conforms(schema, true)) return std::nullopt;
    Findings findings = violations(*meta->instrumented, schema, meta->docs, {"", "schema.invalid", kMetaSchemaId});
    const Finding& first = findings.front();
    std::string pointer = first.location.substr(first.location.find('#') + 1);
    return Problem{file, pointer, "not a valid draft-07 schema: " + first.what,
                   "correct the keyword at " + (pointer.empty() ? std::string("the root") : pointer)};
  } catch (const std::exception& e) {
    return Problem{file, "", std::string("cannot check the schema: ") + e.what(), "simplify the schema"};
  }
}

}  // namespace siraya::core::schema::detail
