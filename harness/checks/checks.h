#pragma once
// The response checks the runner composes. Each returns findings with catalog ids
// (harness/checks/catalog.cc); severities are set by the runner from the profile.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/finding.h"
#include "core/http/client.h"
#include "core/sse/event.h"
#include "harness/suite/suite.h"

namespace siraya::core::schema {
class Registry;
}

namespace siraya::harness {

// status.mismatch; for an unexpected error status the error message is quoted.
core::Findings check_status(const Expectation& expect, const core::http::Response& response);

// header.mismatch for each expect.headers entry.
core::Findings check_headers(const Expectation& expect, const core::http::Response& response);

struct JsonBody {
  core::Findings findings;
  std::optional<nlohmann::json> value;  // set when the body parsed
};
// body.content_type, body.invalid_json, and `schema_finding_id` findings against `schema_id`
// (skipped when empty).
JsonBody check_json_body(const core::http::Response& response, std::string_view schema_id,
                         std::string_view schema_finding_id, const core::schema::Registry& schemas);

// envelope.code_mismatch / type_mismatch / param_mismatch / message_mismatch.
core::Findings check_error_envelope(const ErrorExpectation* expected, int status, const nlohmann::json& body);

// contract.* (harness/checks/request_contract_check.cc): what the final object of `endpoint`
// ("chat_completions", "responses", "messages"; others have none) owes its request: tool calls of
// offered tools with arguments valid against their schemas, tool_choice and parallel calls obeyed,
// structured output valid against the request's schema, n choices, the stop sequence named.
// `streamed`: the object was accumulated from a stream, whose checks already report unparsable
// arguments.
core::Findings check_request_contract(std::string_view endpoint, const nlohmann::json& request,
                                      const nlohmann::json& response, bool streamed);

// assert.failed for each assertion that does not hold on `target`.
core::Findings check_assertions(const std::vector<Assertion>& assertions, const nlohmann::json& target);

struct SseFraming {
  core::Findings findings;
  std::vector<core::sse::Event> events;
  std::size_t comments = 0;
};
// sse.content_type plus the decoder's framing findings; decodes the chunks as they arrived.
SseFraming check_sse_framing(const core::http::Response& response);

}  // namespace siraya::harness
