// GCC 12 reports a false -Wmaybe-uninitialized inside <regex>'s std::function when built with
// the sanitizers (valijson compiles `pattern` regexes here); must precede every include.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "core/schema/compiled.h"

#include <exception>
#include <new>
#include <string_view>
#include <unordered_map>
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

// Every string value under a "pattern" key. Over-collecting (a property that happens to be named
// "pattern" inside an enum or a default) only compiles a regex that is never used.
void collect_patterns(const nlohmann::json& node, std::vector<std::string>& out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "pattern" && value.is_string()) out.push_back(value.get<std::string>());
      collect_patterns(value, out);
    }
  } else if (node.is_array()) {
    for (const auto& value : node) collect_patterns(value, out);
  }
}

using RegexCache = std::unordered_map<std::string, std::regex>;

bool run(const valijson::Subschema& schema, const nlohmann::json& instance, RegexCache& cache,
         valijson::ValidationResults* results) {
  valijson::adapters::NlohmannJsonAdapter target(instance);
  // What valijson::Validator::validate does (strong types), with a cache we can seed.
  valijson::ValidationVisitor<valijson::adapters::NlohmannJsonAdapter> visitor(
      target, std::vector<std::string>(1, "<root>"), true, results, cache);
  return visitor.validateSchema(schema);
}

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
  std::vector<std::string> patterns;
  collect_patterns(document, patterns);
  for (auto& pattern : patterns) {
    try {
      std::regex re(pattern, std::regex::ECMAScript | std::regex_constants::__polynomial);
      out->linear_patterns_.emplace_back(std::move(pattern), std::move(re));
    } catch (const std::regex_error&) {
      // Back-references (refused in polynomial mode) or not a regex at all: valijson decides.
    }
  }
  return out;
}

bool Compiled::conforms(const nlohmann::json& instance, bool shared_regex_cache) const {
  if (shared_regex_cache) {
    // valijson's regex cache is not safe to share between threads.
    thread_local RegexCache cache;
    for (const auto& [pattern, re] : linear_patterns_) cache.try_emplace(pattern, re);
    return run(*schema_, instance, cache, nullptr);
  }
  RegexCache cache(linear_patterns_.begin(), linear_patterns_.end());
  return run(*schema_, instance, cache, nullptr);
}

std::vector<RawError> Compiled::violations(const nlohmann::json& instance) const {
  RegexCache cache(linear_patterns_.begin(), linear_patterns_.end());
  valijson::ValidationResults results;
  run(*schema_, instance, cache, &results);
  std::vector<RawError> out;
  out.reserve(results.numErrors());
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    out.push_back(RawError{std::move(error.context), std::move(error.description)});
  }
  return out;
}

}  // namespace siraya::core::schema::detail
