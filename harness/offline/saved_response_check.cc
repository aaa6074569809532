#include "harness/offline/saved_response_check.h"

#include <algorithm>

#include "core/endpoints.h"
#include "harness/runner/step_judge.h"

namespace siraya::harness {
namespace {

// The first byte that is not white space or a UTF-8 byte order mark.
char first_significant(const std::string& bytes) {
  std::size_t i = bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) ++i;
  return i < bytes.size() ? bytes[i] : '\0';
}

const core::Endpoint* endpoint_named(const std::string& name) {
  for (const auto& e : core::endpoints()) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

}  // namespace

bool SavedVerdict::failed() const { return core::has_errors(findings); }

std::optional<std::string> endpoint_for_dialect(const std::string& dialect) {
  if (dialect == "chat") return "chat_completions";
  if (endpoint_named(dialect) != nullptr) return dialect;
  return std::nullopt;
}

core::Result<SavedVerdict> check_saved_response(const SavedResponse& saved, const core::schema::Registry& schemas,
                                                Profile profile) {
  const core::Endpoint* endpoint = endpoint_named(saved.endpoint);
  if (endpoint == nullptr) {
    return core::fail("check.endpoint", "unknown endpoint \"" + saved.endpoint + "\"", "--dialect",
                      "use chat, responses, messages, embeddings, rerank or models");
  }
  const char first = first_significant(saved.bytes);
  const bool json_like = first == '{' || first == '[';
  const bool stream = saved.status < 300 && (saved.format == SavedFormat::sse ||
                                             (saved.format == SavedFormat::automatic && !json_like && first != '\0'));
  if (stream && endpoint->dialect == core::StreamDialect::none) {
    return core::fail("check.format", std::string(endpoint->name) + " answers never stream, but the file is not JSON",
                      "--format", "pass the JSON body of the answer, or --format json to judge it as JSON anyway");
  }

  // The saved response, judged as the one step of a case that sent `request` to the endpoint.
  Step step;
  step.location = "saved response";
  step.request.method = std::string(endpoint->method);
  step.request.path = std::string(endpoint->path.substr(3));  // step paths follow the base URL's /v1
  step.expect.status = saved.status;
  step.expect.stream = stream ? std::string(core::to_string(endpoint->dialect)) : "none";
  PreparedStep prepared;
  prepared.request.method = step.request.method;
  prepared.request.path = step.request.path;
  prepared.body = saved.request;

  core::http::Response response;
  response.status = saved.status;
  response.headers.emplace_back("Content-Type",
                                saved.content_type.value_or(stream ? "text/event-stream" : "application/json"));
  response.body = saved.bytes;

  auto judged = judge_step(step, prepared, response, schemas, profile, /*timed=*/false);
  SavedVerdict verdict;
  verdict.stream = stream;
  verdict.events = judged.events.size();
  verdict.findings = std::move(judged.findings);
  return verdict;
}

}  // namespace siraya::harness
