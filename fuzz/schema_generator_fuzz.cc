// The schema-driven JSON generator (mock/generation/json_instance.h) on a fuzzed JSON Schema.
// Invariants (the header's contract): when check_schema accepts a schema, generate_instance
// succeeds for any rng, and the instance validates against the schema with the harness's
// validator; a rejected schema is one of the documented errors.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/schema/registry.h"
#include "fuzz/fuzz_support.h"
#include "mock/generation/hash.h"
#include "mock/generation/json_instance.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace siraya;
  const std::string_view text = fuzz::as_text(data, size);
  const auto schema = nlohmann::json::parse(text, nullptr, false);
  if (schema.is_discarded()) return 0;

  const auto checked = mock::generation::check_schema(schema);
  if (!checked) {
    const std::string& id = checked.error().id;
    fuzz::require(id == "schema.invalid" || id == "schema.unsatisfiable" || id == "schema.unsupported" ||
                      id == "schema.too_large",
                  "an undocumented error id", checked.error().to_string());
    return 0;
  }
  mock::generation::Rng rng(mock::generation::fnv1a(text));
  const auto instance = mock::generation::generate_instance(schema, rng);
  fuzz::require(static_cast<bool>(instance), "check_schema accepted a schema generate_instance fails on",
                instance ? "" : instance.error().to_string());
  const auto findings = core::schema::Registry::validate_inline(schema, *instance, "instance");
  fuzz::require(static_cast<bool>(findings), "the validator rejects a schema check_schema accepted",
                findings ? "" : findings.error().to_string());
  fuzz::require(findings->empty(), "the generated instance does not validate",
                instance->dump() + "\n" + (findings->empty() ? "" : (*findings)[0].to_string()));
  return 0;
}
