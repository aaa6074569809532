// The x-siraya-mock control header (mock/faults/header_parser.h, set_directive and
// check_combination in mock/faults/directives.h) on arbitrary values, then through the router on
// a streamed and a buffered request, so the injector transforms real plans. Invariants: a
// rejected value is a mock.fault_directive error and the router answers it with the documented
// 400 naming header:x-siraya-mock; an accepted one never makes the mock fail (500), status=
// is answered with that status, and the plan's timing and ending stay within its events.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz/endpoint_fuzz.h"
#include "mock/faults/header_parser.h"

namespace {

struct Target {
  const char* path;
  const char* body;
};

// A streamed and a buffered request per dialect (the fuzzed value's length picks the dialect).
constexpr Target kTargets[][2] = {
    {{"/v1/chat/completions", R"({"model":"openai/gpt-4o","stream":true,"messages":[{"role":"user","content":"Hi"}]})"},
     {"/v1/chat/completions", R"({"model":"openai/gpt-4o","messages":[{"role":"user","content":"Hi"}]})"}},
    {{"/v1/responses", R"({"model":"openai/gpt-4o","stream":true,"input":"Hi"})"},
     {"/v1/responses", R"({"model":"openai/gpt-4o","input":"Hi"})"}},
    {{"/v1/messages",
      R"({"model":"anthropic/claude-sonnet-4.5","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"Hi"}]})"},
     {"/v1/messages",
      R"({"model":"anthropic/claude-sonnet-4.5","max_tokens":64,"messages":[{"role":"user","content":"Hi"}]})"}},
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace siraya;
  const std::string value(fuzz::as_text(data, size));
  const auto parsed = mock::faults::parse_control_header(value);
  if (!parsed) {
    fuzz::require(parsed.error().id == "mock.fault_directive" && !parsed.error().message.empty(),
                  "a rejected header without the documented error", parsed.error().to_string());
  } else {
    fuzz::require(static_cast<bool>(mock::faults::check_combination(*parsed)),
                  "parse_control_header accepted a combination check_combination rejects");
  }

  for (const Target& target : kTargets[size % 3]) {
    mock::Request request;
    request.method = "POST";
    request.path = target.path;
    request.headers = {{"authorization", "Bearer sk-fuzz"},
                       {"content-type", "application/json"},
                       {std::string(mock::faults::kControlHeader), value}};
    request.body = target.body;
    request.request_id = "req_fuzz";
    const mock::ResponsePlan plan = fuzz::fuzz_router().handle(request);
    const std::string status = "status " + std::to_string(plan.status) + ": ";
    // status=500 forces the documented 500; any other 500 is the mock's own failure.
    fuzz::require(plan.status != 500 || (parsed && parsed->status == 500), "the mock answered 500", plan.body);
    if (!parsed) {
      fuzz::require(plan.status == 400, "a bad header not answered with 400", status + plan.body);
      const auto body = nlohmann::json::parse(plan.body, nullptr, false);
      fuzz::require(body.is_object() && body.contains("error") && body["error"].is_object() &&
                        body["error"].value("param", "") == "header:x-siraya-mock",
                    "the 400 for a bad header does not name it", plan.body);
      continue;
    }
    if (parsed->status) fuzz::require(plan.status == *parsed->status, "status= not answered", status);
    fuzz::require(plan.event_delays.size() <= plan.events.size(), "more event delays than events");
    if (plan.streaming && plan.end_after) {
      fuzz::require(*plan.end_after <= plan.events.size(), "a stream that ends after more events than it has");
    }
  }
  return 0;
}
