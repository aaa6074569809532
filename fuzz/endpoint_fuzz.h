#pragma once
// One endpoint of the mock, in process (mock::Router, no sockets): the fuzzed bytes are the body
// of an authenticated POST. The router runs in strict mode, so a plan that violates its own
// response schema comes back as a 500 and is caught here like any other internal error.
// Invariants (reference README §4): the status is a documented one and never 500; an error is
// buffered JSON in the documented envelope of the path (the gateway envelope, or the superset
// body on /v1/messages) with error.code equal to the status; a 200 is a JSON body or a stream
// of SSE frames.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz/fuzz_support.h"
#include "mock/context.h"
#include "mock/faults/directives.h"
#include "mock/router.h"

namespace siraya::fuzz {

inline const mock::Router& fuzz_router() {
  static const mock::Router router = [] {
    mock::Context context;
    context.options.strict = true;
    context.options.seed = 7;
    context.options.fixed_clock = 1761200000;
    context.schemas = registry();
    return mock::Router(std::move(context));
  }();
  return router;
}

inline int fuzz_endpoint(std::string_view path, const std::uint8_t* data, std::size_t size) {
  mock::Request request;
  request.method = "POST";
  request.path = std::string(path);
  request.headers = {{"authorization", "Bearer sk-fuzz"}, {"content-type", "application/json"}};
  request.body = std::string(as_text(data, size));
  request.request_id = "req_fuzz";
  const mock::ResponsePlan plan = fuzz_router().handle(request);

  const std::string status = "status " + std::to_string(plan.status) + ": ";
  require(plan.status != 500, "the mock answered 500 (an internal error or a strict-mode violation)", plan.body);
  require(mock::faults::is_documented_status(plan.status) || plan.status == 200, "an undocumented status",
          status + plan.body);
  if (plan.status >= 400) {
    require(!plan.streaming, "an error sent as a stream", status);
    const auto body = nlohmann::json::parse(plan.body, nullptr, false);
    require(body.is_object() && body.contains("error") && body["error"].is_object(),
            "an error body that is not the envelope", status + plan.body);
    const auto& error = body["error"];
    require(error.contains("message") && error["message"].is_string(), "an error without a message", plan.body);
    require(error.contains("code") && error["code"] == plan.status, "error.code is not the status", status + plan.body);
    const std::string_view envelope =
        path == "/v1/messages" ? "common/anthropic_error.json" : "common/error_envelope.json";
    const auto findings = registry()->validate(envelope, body, "error");
    require(findings.empty(), "an error body outside its schema", findings.empty() ? "" : findings[0].to_string());
  } else {
    require(plan.status == 200, "a success other than 200", status + plan.body);
    if (!plan.streaming) {
      require(!nlohmann::json::parse(plan.body, nullptr, false).is_discarded(), "a 200 body that is not JSON",
              plan.body);
    } else {
      require(!plan.events.empty(), "a stream without events");
    }
  }
  return 0;
}

}  // namespace siraya::fuzz
