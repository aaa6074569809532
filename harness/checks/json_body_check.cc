#include <algorithm>

#include "core/schema/registry.h"
#include "core/json/bounded_parse.h"
#include "harness/checks/checks.h"

namespace siraya::harness {

namespace {
// openai-node parses a body as JSON only for application/json or a +json media type
// (reference README §3).
bool is_json_media_type(std::string value) {
  std::transform(value.begin(), value.end(), value.begin(), [](unsigned char c) { return std::tolower(c); });
  const std::string media = value.substr(0, value.find(';'));
  return media.find("application/json") != std::string::npos || media.ends_with("+json");
}
}  // namespace

JsonBody check_json_body(const core::http::Response& response, std::string_view schema_id,
                         std::string_view schema_finding_id, const core::schema::Registry& schemas) {
  JsonBody out;
  const auto content_type = response.header("content-type");
  if (!content_type || !is_json_media_type(*content_type)) {
    out.findings.push_back({"body.content_type", core::Severity::error, "header content-type",
                            content_type ? "\"" + *content_type + "\" is not a JSON media type" : "missing",
                            "send Content-Type: application/json with every JSON body, errors included"});
  }
  auto body = core::json::parse_bounded(response.body);
  if (body.is_discarded()) {
    std::string head = response.body.substr(0, 80);
    out.findings.push_back({"body.invalid_json", core::Severity::error, "body",
                            response.body.empty()             ? "empty body"
                            : core::json::too_deep(response.body) ? "nested deeper than " +
                                                                    std::to_string(core::json::kMaxJsonNesting) +
                                                                    " levels (not judged further)"
                                                              : "not JSON: \"" + head + "\"",
                            "send a JSON document"});
    return out;
  }
  if (!schema_id.empty()) {
    auto found = schemas.validate(schema_id, body, "body", schema_finding_id);
    out.findings.insert(out.findings.end(), found.begin(), found.end());
  }
  out.value = std::move(body);
  return out;
}

}  // namespace siraya::harness
