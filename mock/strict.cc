#include "mock/strict.h"

#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "core/json/bounded_parse.h"
#include "core/sse/decoder.h"
#include "core/sse/encoder.h"
#include "mock/errors.h"

namespace siraya::mock {
namespace {

std::optional<core::Finding> check_json(const core::schema::Registry& schemas, std::string_view schema_id,
                                        std::string_view text, const std::string& where) {
  const auto value = core::json::parse_bounded(text);
  if (value.is_discarded()) {
    return core::Finding{"mock.strict.not_json", core::Severity::error, where, "the data is not JSON",
                         "emit one JSON document"};
  }
  auto findings = schemas.validate(schema_id, value, where, "mock.strict.schema");
  if (findings.empty()) return std::nullopt;
  return findings.front();
}

}  // namespace

std::optional<core::Finding> check_plan(const core::schema::Registry& schemas, const ResponsePlan& plan) {
  if (!plan.streaming) {
    if (plan.body_schema.empty()) return std::nullopt;
    return check_json(schemas, plan.body_schema, plan.body, "body");
  }
  std::string stream;
  for (const auto& e : plan.events) stream += e;
  const core::sse::Decoded decoded = core::sse::decode_all(stream);
  for (const auto& f : decoded.findings) {
    if (f.severity == core::Severity::error) return f;
  }
  if (plan.event_schema.empty()) return std::nullopt;
  for (const auto& event : decoded.events) {
    if (event.data == core::sse::kDone) continue;
    if (auto f = check_json(schemas, plan.event_schema, event.data, "event " + std::to_string(event.index))) return f;
  }
  return std::nullopt;
}

ApiError strict_violation(const core::Finding& finding) {
  const std::string text = finding.to_string();
  std::fprintf(stderr, "siraya-mock strict mode: invalid response plan (mock bug): %s\n", text.c_str());
  return ApiError{500, "siraya-mock --strict: the response failed its own schema check (a mock bug): " + text,
                  std::nullopt, {}};
}

ResponsePlan strict_violation_plan(const core::Finding& finding) { return error_plan(strict_violation(finding)); }

}  // namespace siraya::mock
