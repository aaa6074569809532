#include "harness/runner/case_executor.h"

#include <algorithm>
#include <chrono>

#include "core/endpoints.h"
#include "harness/checks/catalog.h"
#include "harness/checks/chat_stream.h"
#include "harness/checks/checks.h"
#include "harness/checks/messages_stream.h"
#include "harness/checks/responses_stream.h"

namespace siraya::harness {

namespace {

using nlohmann::json;

core::Findings& append(core::Findings& to, core::Findings from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  return to;
}

// The endpoint a case path addresses: the base URL ends in /v1, case paths follow it.
const core::Endpoint* endpoint_for(const std::string& path) {
  return core::find_endpoint_by_path("/v1" + path.substr(0, path.find('?')));
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

core::StreamDialect stream_dialect(const PreparedCase& p, const core::Endpoint* endpoint) {
  const auto& expect = p.test_case->expect;
  if (expect.stream) return core::parse_dialect(*expect.stream).value_or(core::StreamDialect::none);
  // Only a literal true streams; a malformed "stream" value is the server's to reject.
  const bool streaming = p.body && p.body->is_object() && p.body->contains("stream") && (*p.body)["stream"] == true;
  return streaming && endpoint != nullptr ? endpoint->dialect : core::StreamDialect::none;
}

struct StreamVerdict {
  core::Findings findings;
  json accumulated;
};

// The dialect's state machine over the decoded events.
StreamVerdict check_stream(core::StreamDialect dialect, const std::vector<core::sse::Event>& events,
                           const json* request, const core::schema::Registry& schemas) {
  switch (dialect) {
    case core::StreamDialect::chat: {
      ChatStreamOptions options;
      options.request = request;
      options.schemas = &schemas;
      auto r = check_chat_stream(events, options);
      return {std::move(r.findings), std::move(r.accumulated)};
    }
    case core::StreamDialect::responses: {
      ResponsesStreamOptions options;
      options.schemas = &schemas;
      auto r = check_responses_stream(events, options);
      return {std::move(r.findings), std::move(r.accumulated)};
    }
    case core::StreamDialect::messages: {
      MessagesStreamOptions options;
      options.schemas = &schemas;
      auto r = check_messages_stream(events, options);
      return {std::move(r.findings), std::move(r.accumulated)};
    }
    case core::StreamDialect::none: break;
  }
  return {};
}

}  // namespace

PreparedCase prepare_case(const Suite& suite, const Case& test_case, const Variables& variables) {
  PreparedCase p;
  p.suite = &suite;
  p.test_case = &test_case;
  auto fail_with = [&](core::Error e, const std::string& where) {
    e.location = test_case.location + where;
    p.error = std::move(e);
    return p;
  };
  const RequestSpec& spec = test_case.request;
  p.request.method = spec.method;
  // A body cut short is a finding about the server, not a transport failure.
  p.request.keep_truncated = true;
  if (test_case.timeout_ms > 0) p.request.total_timeout = std::chrono::milliseconds(test_case.timeout_ms);
  auto path = variables.resolve(spec.path);
  if (!path) return fail_with(path.error(), "/request/path");
  p.request.path = *path;
  bool has_content_type = false;
  for (const auto& [name, value] : spec.headers) {
    auto v = variables.resolve(value);
    if (!v) return fail_with(v.error(), "/request/headers/" + name);
    has_content_type = has_content_type || iequals(name, "content-type");
    p.request.headers.emplace_back(name, std::move(*v));
  }
  if (spec.body) {
    auto body = variables.resolve(*spec.body);
    if (!body) return fail_with(body.error(), "/request/body");
    p.request.body = body->dump();
    p.body = std::move(*body);
    if (!has_content_type) p.request.headers.emplace_back("Content-Type", "application/json");
  } else if (spec.raw_body) {
    auto raw = variables.resolve(*spec.raw_body);
    if (!raw) return fail_with(raw.error(), "/request/raw_body");
    p.request.body = std::move(*raw);
  }
  return p;
}

CaseResult judge(const PreparedCase& p, const core::http::Response& response,
                 const core::schema::Registry& schemas, Profile profile) {
  const Case& c = *p.test_case;
  CaseResult result;
  result.suite = p.suite;
  result.test_case = p.test_case;
  result.status = response.status;
  result.request_line = p.request.method + " " + p.request.path;
  core::Findings& findings = result.findings;

  append(findings, check_status(c.expect, response));
  if (findings.empty()) {
    if (response.truncated) {
      findings.push_back({"body.truncated", core::Severity::error, "body",
                          "the connection closed after " + std::to_string(response.body.size()) +
                              " body bytes, before the body was complete",
                          "finish the body (the last chunk of a chunked body, or every byte of Content-Length)"});
    }
    // Only judge the body of the answer the case asked for; a wrong status says it all.
    append(findings, check_headers(c.expect, response));
    const core::Endpoint* endpoint = endpoint_for(p.request.path);
    const core::StreamDialect dialect = response.status < 300 ? stream_dialect(p, endpoint) : core::StreamDialect::none;
    std::optional<json> target;
    if (dialect != core::StreamDialect::none) {
      auto framing = check_sse_framing(response);
      append(findings, std::move(framing.findings));
      auto stream = check_stream(dialect, framing.events, p.body ? &*p.body : nullptr, schemas);
      append(findings, std::move(stream.findings));
      target = std::move(stream.accumulated);
    } else {
      const bool is_error = response.status >= 400;
      std::string schema_id = c.expect.schema.value_or("");
      if (!c.expect.schema && endpoint != nullptr) {
        schema_id = std::string(is_error ? endpoint->error_schema : endpoint->response_schema);
      }
      auto body = check_json_body(response, schema_id, is_error ? "schema.error" : "schema.response", schemas);
      append(findings, std::move(body.findings));
      if (is_error && body.value) {
        append(findings, check_error_envelope(c.expect.error ? &*c.expect.error : nullptr, response.status, *body.value));
      }
      target = std::move(body.value);
    }
    if (!c.expect.assertions.empty()) {
      append(findings, check_assertions(c.expect.assertions, target.value_or(json())));
    }
  }
  apply_profile(findings, profile);
  result.outcome = core::has_errors(findings) ? Outcome::failed : Outcome::passed;
  return result;
}

CaseResult execute_case(const PreparedCase& p, core::http::Client& client, const core::schema::Registry& schemas,
                        Profile profile) {
  const auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  };
  if (p.error) {
    CaseResult r{p.suite, p.test_case, Outcome::error, {}, p.error, 0, {}, p.request.method + " " + p.request.path};
    return r;
  }
  const auto endpoint = endpoint_for(p.request.path);
  const bool streaming = stream_dialect(p, endpoint) != core::StreamDialect::none;
  auto response = client.send(p.request, streaming ? core::http::Mode::streaming : core::http::Mode::buffered);
  if (!response) {
    core::Error e = response.error();
    if (e.location.empty()) e.location = p.test_case->location;
    CaseResult r{p.suite, p.test_case, Outcome::error, {}, std::move(e), 0, elapsed(),
                 p.request.method + " " + p.request.path};
    return r;
  }
  CaseResult r = judge(p, *response, schemas, profile);
  r.duration = elapsed();
  return r;
}

}  // namespace siraya::harness
