// GCC 12 reports a false -Wmaybe-uninitialized inside <regex>'s std::function when built with
// the sanitizers (valijson compiles `pattern` regexes here); must precede every include.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "core/schema/compiled.h"

#include <exception>
#include <new>
#include <string_view>
#include <utility>

#include "core/schema/bundle.h"
#include "core/schema/valijson.h"

namespace siraya::core::schema::detail {

namespace {

// Reports the subschema it belongs to into the validation results, so that explain() can tell
// which subschema raised which violation. Always satisfied. Used only in instrumented
// documents (Bundler::bundle with instrument = true); silent when results are not collected.
class Marker final : public valijson::constraints::PolyConstraint {
 public:
  explicit Marker(std::string text) : text_(std::move(text)) {}

  bool validate(const valijson::adapters::Adapter& /*target*/,
                const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    if (results != nullptr) results->pushError(context, text_);
    return true;
  }

 private:
  Constraint* cloneInto(void* memory) const override { return new (memory) Marker(*this); }
  size_t sizeOf() const override { return sizeof(Marker); }

  std::string text_;
};

class MarkerBuilder final : public valijson::ConstraintBuilder {
 public:
  explicit MarkerBuilder(char tag) : tag_(tag) {}

  valijson::constraints::Constraint* make(const valijson::adapters::Adapter& node) const override {
    std::string path;
    if (node.maybeString()) path = node.asString();
    return new Marker(std::string{kMarkerLead, tag_} + path);
  }

 private:
  char tag_;
};

}  // namespace

Compiled::Compiled() : schema_(std::make_unique<valijson::Schema>()) {}
Compiled::~Compiled() = default;

Result<std::unique_ptr<Compiled>> Compiled::compile(const nlohmann::json& document) {
  std::unique_ptr<Compiled> out(new Compiled());
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.addConstraintBuilder(std::string(kBeginKeyword), new MarkerBuilder(kMarkerBegin));
    parser.addConstraintBuilder(std::string(kEndKeyword), new MarkerBuilder(kMarkerEnd));
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    parser.populateSchema(adapter, *out->schema_);
  } catch (const std::exception& e) {
    return fail("schema.invalid", e.what());
  }
  return out;
}

bool Compiled::conforms(const nlohmann::json& instance, bool shared_regex_cache) const {
  valijson::adapters::NlohmannJsonAdapter target(instance);
  if (shared_regex_cache) {
    // valijson::Validator caches compiled regexes and is not safe to share between threads.
    thread_local valijson::Validator validator;
    return validator.validate(*schema_, target, nullptr);
  }
  valijson::Validator validator;
  return validator.validate(*schema_, target, nullptr);
}

std::vector<RawError> Compiled::violations(const nlohmann::json& instance) const {
  valijson::adapters::NlohmannJsonAdapter target(instance);
  valijson::Validator validator;
  valijson::ValidationResults results;
  validator.validate(*schema_, target, &results);
  std::vector<RawError> out;
  out.reserve(results.numErrors());
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    out.push_back(RawError{std::move(error.context), std::move(error.description)});
  }
  return out;
}

}  // namespace siraya::core::schema::detail
