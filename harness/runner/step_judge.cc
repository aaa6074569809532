#include "harness/runner/step_judge.h"

#include <algorithm>
#include <chrono>

#include "core/endpoints.h"
#include "harness/checks/catalog.h"
#include "harness/checks/chat_stream.h"
#include "harness/checks/checks.h"
#include "harness/checks/messages_stream.h"
#include "harness/checks/responses_stream.h"
#include "harness/checks/timing_check.h"
#include "harness/suite/json_path.h"

namespace siraya::harness {

namespace {

using nlohmann::json;

core::Findings& append(core::Findings& to, core::Findings from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  return to;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

core::StreamDialect stream_dialect(const Step& step, const PreparedStep& p, const core::Endpoint* endpoint) {
  if (step.expect.stream) return core::parse_dialect(*step.expect.stream).value_or(core::StreamDialect::none);
  // Only a literal true streams; a malformed "stream" value is the server's to reject.
  const bool streaming = p.body && p.body->is_object() && p.body->contains("stream") && (*p.body)["stream"] == true;
  return streaming && endpoint != nullptr ? endpoint->dialect : core::StreamDialect::none;
}

// The finding each dialect's state machine reports for an in-stream error.
std::string_view error_event_id(core::StreamDialect dialect) {
  switch (dialect) {
    case core::StreamDialect::chat: return "sse.chat.error_chunk";
    case core::StreamDialect::responses: return "sse.responses.error_event";
    case core::StreamDialect::messages: return "sse.messages.error_event";
    case core::StreamDialect::none: break;
  }
  return "";
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

core::Result<Assertion> resolve_assertion(const Assertion& a, const Variables& variables,
                                          const std::set<std::string>* deferred) {
  Assertion out = a;
  if (a.op == "eq" || a.op == "ne" || a.op == "contains") {
    auto operand = variables.resolve(a.operand, deferred);
    if (!operand) {
      core::Error e = operand.error();
      e.location = a.location + "/" + a.op;
      return core::Unexpected<core::Error>(std::move(e));
    }
    out.operand = std::move(*operand);
  }
  for (auto& inner : out.inner) {
    auto r = resolve_assertion(inner, variables, deferred);
    if (!r) return r;
    inner = std::move(*r);
  }
  return out;
}

}  // namespace

const core::Endpoint* endpoint_for(const std::string& path) {
  return core::find_endpoint_by_path("/v1" + path.substr(0, path.find('?')));
}

core::Result<PreparedStep> prepare_step(const Case& test_case, const Step& step, const Variables& variables,
                                        const std::set<std::string>* deferred) {
  auto fail_with = [&](core::Error e, const std::string& where) {
    e.location = step.location + where;
    return core::Unexpected<core::Error>(std::move(e));
  };
  PreparedStep p;
  const RequestSpec& spec = step.request;
  p.request.method = spec.method;
  // A body cut short is a finding about the server, not a transport failure.
  p.request.keep_truncated = true;
  p.request.connect_timeout = test_case.timeouts.connect;
  p.request.first_byte_timeout = test_case.timeouts.first_byte;
  p.request.idle_timeout = test_case.timeouts.idle;
  p.request.total_timeout = test_case.timeouts.total;
  auto path = variables.resolve(spec.path, deferred);
  if (!path) return fail_with(path.error(), "/request/path");
  p.request.path = *path;
  bool has_content_type = false;
  for (const auto& [name, value] : spec.headers) {
    auto v = variables.resolve(value, deferred);
    if (!v) return fail_with(v.error(), "/request/headers/" + escape_pointer_segment(name));
    has_content_type = has_content_type || iequals(name, "content-type");
    p.request.headers.emplace_back(name, std::move(*v));
  }
  if (spec.body) {
    auto body = variables.resolve(*spec.body, deferred);
    if (!body) return fail_with(body.error(), "/request/body");
    p.request.body = body->dump();
    p.body = std::move(*body);
    if (!has_content_type) p.request.headers.emplace_back("Content-Type", "application/json");
  } else if (spec.raw_body) {
    auto raw = variables.resolve(*spec.raw_body, deferred);
    if (!raw) return fail_with(raw.error(), "/request/raw_body");
    p.request.body = std::move(*raw);
  }
  for (const auto& a : step.expect.assertions) {
    auto resolved = resolve_assertion(a, variables, deferred);
    if (!resolved) return core::Unexpected<core::Error>(resolved.error());
    p.assertions.push_back(std::move(*resolved));
  }
  return p;
}

bool streams(const Step& step, const PreparedStep& prepared) {
  return stream_dialect(step, prepared, endpoint_for(prepared.request.path)) != core::StreamDialect::none;
}

StepVerdict judge_step(const Step& step, const PreparedStep& p, const core::http::Response& response,
                       const core::schema::Registry& schemas, Profile profile, bool timed) {
  const Expectation& expect = step.expect;
  StepVerdict verdict;
  core::Findings& findings = verdict.findings;
  append(findings, check_status(expect, response));
  const bool status_ok = findings.empty();
  bool streamed = false;
  std::string_view expected_stream_error;  // the id of an in-stream error the case asks for
  if (status_ok) {
    if (response.truncated) {
      findings.push_back({"body.truncated", core::Severity::error, "body",
                          "the connection closed after " + std::to_string(response.body.size()) +
                              " body bytes, before the body was complete",
                          "finish the body (the last chunk of a chunked body, or every byte of Content-Length)"});
    }
    // Only judge the body of the answer the step asked for; a wrong status says it all.
    append(findings, check_headers(expect, response));
    const core::Endpoint* endpoint = endpoint_for(p.request.path);
    const core::StreamDialect dialect = response.status < 300 ? stream_dialect(step, p, endpoint) : core::StreamDialect::none;
    if (dialect != core::StreamDialect::none) {
      auto framing = check_sse_framing(response);
      append(findings, std::move(framing.findings));
      auto stream = check_stream(dialect, framing.events, p.body ? &*p.body : nullptr, schemas);
      if (expect.stream_error) expected_stream_error = error_event_id(dialect);
      const bool has_error_event = std::any_of(stream.findings.begin(), stream.findings.end(),
                                               [&](const core::Finding& f) { return f.id == expected_stream_error; });
      if (expect.stream_error && !has_error_event) {
        findings.push_back({"stream.error_missing", core::Severity::error, "stream",
                            "the case expects an in-stream " + std::string(to_string(dialect)) +
                                " error (expect.stream_error) but the stream carried none",
                            "end the stream with the dialect's error event when the upstream fails after the 200"});
      }
      append(findings, std::move(stream.findings));
      verdict.target = std::move(stream.accumulated);
      verdict.events = std::move(framing.events);
      verdict.dialect = dialect;
      streamed = true;
    } else {
      const bool is_error = response.status >= 400;
      std::string schema_id = expect.schema.value_or("");
      if (!expect.schema && endpoint != nullptr) {
        schema_id = std::string(is_error ? endpoint->error_schema : endpoint->response_schema);
      }
      auto body = check_json_body(response, schema_id, is_error ? "schema.error" : "schema.response", schemas);
      append(findings, std::move(body.findings));
      if (is_error && body.value) {
        append(findings, check_error_envelope(expect.error ? &*expect.error : nullptr, response.status, *body.value));
      }
      verdict.target = std::move(body.value);
    }
    if (endpoint != nullptr && p.body && verdict.target && response.status < 300) {
      append(findings, check_request_contract(endpoint->name, *p.body, *verdict.target, streamed));
    }
    if (!p.assertions.empty()) append(findings, check_assertions(p.assertions, verdict.target.value_or(json())));
  }
  auto timing = check_timing(response, streamed ? &verdict.events : nullptr, expect.timing);
  verdict.timing = timing.timing;
  if (status_ok && timed) append(findings, std::move(timing.findings));
  apply_profile(findings, profile);
  for (auto& f : findings) {
    if (!expected_stream_error.empty() && f.id == expected_stream_error) {
      f.severity = core::Severity::info;
      f.what = "expected (expect.stream_error): " + f.what;
    }
  }
  return verdict;
}

}  // namespace siraya::harness
