#include "mock/generation/json_instance.h"

#include "core/schema/registry.h"
#include "mock/generation/schema/generator.h"
#include "mock/generation/schema/lint.h"
#include "mock/generation/schema/node.h"

namespace siraya::mock::generation {
namespace {

using nlohmann::json;

// The seed of the instance check_schema verifies (and generate_instance falls back to).
constexpr std::uint64_t kCheckSeed = 0x5348454d41ull;

core::Result<json> generate_with(const json& schema, Rng& rng) {
  if (auto problem = schema::lint(schema)) return core::Unexpected<core::Error>(std::move(*problem));
  schema::Generator generator(schema, rng);
  return generator.generate();
}

}  // namespace

core::Result<json> generate_instance(const json& schema, Rng& rng) {
  auto drawn = generate_with(schema, rng);
  if (drawn) return drawn;
  // Some draws can fail where others succeed (an optional branch that runs out of attempts);
  // the checked seed's instance keeps this function total over checked schemas, and a schema
  // that fails there too reports the seed-independent error.
  Rng fixed(kCheckSeed);
  return generate_with(schema, fixed);
}

core::Result<void> check_schema(const json& schema) {
  Rng fixed(kCheckSeed);
  auto instance = generate_with(schema, fixed);
  if (!instance) return schema::forward(instance.error());
  auto findings = core::schema::Registry::validate_inline(schema, *instance, "instance");
  if (!findings) {
    // "inline schema#/properties/a" -> "/properties/a"
    const core::Error& e = findings.error();
    const auto hash = e.location.find('#');
    return core::fail(e.id, e.message, hash == std::string::npos ? std::string() : e.location.substr(hash + 1), e.fix);
  }
  if (!findings->empty()) {
    return core::fail("schema.unsupported",
                      "the generated instance does not validate against the schema: " + findings->front().what, "",
                      "simplify the schema; docs/structured-output.md lists what the generator supports");
  }
  return {};
}

}  // namespace siraya::mock::generation
