// The responses stream state machine on hand-made streams: one valid stream (responses.md
// §6.5, §6.6), then one mutation per check id, each asserting that id is reported.
#include "harness/checks/responses_stream.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "core/schema/registry.h"
#include "core/sse/decoder.h"
#include "harness/checks/catalog.h"

namespace siraya::harness {
namespace {

using nlohmann::json;
using Events = std::vector<json>;

json response(const std::string& status, json output, json usage = nullptr) {
  return {{"id", "resp_1"}, {"object", "response"}, {"created_at", 1761200000},
          {"completed_at", status == "completed" ? json(1761200002) : json()}, {"status", status},
          {"incomplete_details", nullptr}, {"error", nullptr}, {"model", "openai/gpt-4o"},
          {"previous_response_id", nullptr}, {"instructions", nullptr}, {"output", output}, {"tools", json::array()},
          {"tool_choice", "auto"}, {"parallel_tool_calls", true}, {"truncation", "disabled"},
          {"text", {{"format", {{"type", "text"}}}}}, {"reasoning", nullptr}, {"temperature", 1}, {"top_p", 1},
          {"presence_penalty", 0}, {"frequency_penalty", 0}, {"top_logprobs", 0}, {"max_output_tokens", nullptr},
          {"max_tool_calls", nullptr}, {"store", false}, {"background", false}, {"service_tier", "default"},
          {"metadata", json::object()}, {"safety_identifier", nullptr}, {"prompt_cache_key", nullptr}, {"usage", usage}};
}

const json kPart = {{"type", "output_text"}, {"text", ""}, {"annotations", json::array()}, {"logprobs", json::array()}};
const json kFullPart = {{"type", "output_text"}, {"text", "Hello there!"}, {"annotations", json::array()},
                        {"logprobs", json::array()}};
const json kMessage = {{"type", "message"}, {"id", "msg_1"}, {"status", "completed"}, {"role", "assistant"},
                       {"content", json::array({kFullPart})}};
const json kCall = {{"type", "function_call"}, {"id", "fc_1"}, {"call_id", "call_1"}, {"name", "get_weather"},
                    {"arguments", "{\"city\":\"Paris\"}"}, {"status", "completed"}};
const json kUsage = {{"input_tokens", 9}, {"input_tokens_details", {{"cached_tokens", 0}}}, {"output_tokens", 3},
                     {"output_tokens_details", {{"reasoning_tokens", 0}}}, {"total_tokens", 12}};

json text_event(const std::string& type, const std::string& key, const std::string& value) {
  return {{"type", type}, {"item_id", "msg_1"}, {"output_index", 0}, {"content_index", 0}, {key, value},
          {"logprobs", json::array()}};
}

json args_event(const std::string& type, const std::string& key, const std::string& value) {
  return {{"type", type}, {"item_id", "fc_1"}, {"output_index", 1}, {key, value}};
}

// A complete text + function call stream without sequence numbers (serialize() adds them).
Events valid_events() {
  json in_progress_call = kCall;
  in_progress_call["arguments"] = "";
  in_progress_call["status"] = "in_progress";
  return {
      {{"type", "response.created"}, {"response", response("in_progress", json::array())}},
      {{"type", "response.in_progress"}, {"response", response("in_progress", json::array())}},
      {{"type", "response.output_item.added"}, {"output_index", 0},
       {"item", {{"type", "message"}, {"id", "msg_1"}, {"status", "in_progress"}, {"role", "assistant"},
                 {"content", json::array()}}}},
      {{"type", "response.content_part.added"}, {"item_id", "msg_1"}, {"output_index", 0}, {"content_index", 0},
       {"part", kPart}},
      text_event("response.output_text.delta", "delta", "Hello"),
      text_event("response.output_text.delta", "delta", " there!"),
      text_event("response.output_text.done", "text", "Hello there!"),
      {{"type", "response.content_part.done"}, {"item_id", "msg_1"}, {"output_index", 0}, {"content_index", 0},
       {"part", kFullPart}},
      {{"type", "response.output_item.done"}, {"output_index", 0}, {"item", kMessage}},
      {{"type", "response.output_item.added"}, {"output_index", 1}, {"item", in_progress_call}},
      args_event("response.function_call_arguments.delta", "delta", "{\"city\":"),
      args_event("response.function_call_arguments.delta", "delta", "\"Paris\"}"),
      {{"type", "response.function_call_arguments.done"}, {"item_id", "fc_1"}, {"output_index", 1},
       {"name", "get_weather"}, {"arguments", "{\"city\":\"Paris\"}"}},
      {{"type", "response.output_item.done"}, {"output_index", 1}, {"item", kCall}},
      {{"type", "response.completed"}, {"response", response("completed", json::array({kMessage, kCall}), kUsage)}},
  };
}

// Events as SSE: event: line, sequence_number from `first` unless the event already has one.
std::string serialize(const Events& events, bool event_lines = true, bool done = true, long long first = 0) {
  std::string out;
  long long seq = first;
  for (json e : events) {
    if (!e.contains("sequence_number")) e["sequence_number"] = seq;
    ++seq;
    if (event_lines && e.contains("type")) out += "event: " + e["type"].get<std::string>() + "\n";
    out += "data: " + e.dump() + "\n\n";
  }
  if (done) out += "data: [DONE]\n\n";
  return out;
}

ResponsesStreamResult check(const std::string& body, bool with_schemas = true) {
  static auto schemas = core::schema::Registry::embedded();
  auto decoded = core::sse::decode_all(body);
  ResponsesStreamOptions options;
  options.schemas = with_schemas && schemas ? schemas->get() : nullptr;
  return check_responses_stream(decoded.events, options);
}

std::vector<std::string> ids_of(const core::Findings& findings) {
  std::vector<std::string> ids;
  for (const auto& f : findings) ids.push_back(f.id);
  return ids;
}

TEST(ResponsesStream, ValidStreamHasNoFindingsAndEndsWithTheCompletedResponse) {
  auto r = check(serialize(valid_events()));
  // Only the note that [DONE] was sent, which a target profile may forbid.
  ASSERT_EQ(ids_of(r.findings), std::vector<std::string>{"sse.responses.done_sent"}) << r.findings.front().to_string();
  apply_profile(r.findings, Profile::strict);
  EXPECT_EQ(r.findings[0].severity, core::Severity::info);
  EXPECT_EQ(r.accumulated["status"], "completed");
  EXPECT_EQ(r.accumulated["output"][0]["content"][0]["text"], "Hello there!");
  EXPECT_EQ(r.accumulated["output"][1]["arguments"], "{\"city\":\"Paris\"}");
}

TEST(ResponsesStream, WithoutTerminalEventTheResponseIsBuiltFromTheEvents) {
  Events events = valid_events();
  events.erase(events.begin() + 12, events.end());  // cut after the argument deltas, before their done
  events.erase(events.begin() + 6, events.begin() + 9);  // and the message's done events
  auto r = check(serialize(events, true, false), false);
  ASSERT_TRUE(r.accumulated["output"].is_array());
  ASSERT_EQ(r.accumulated["output"].size(), 2u);
  EXPECT_EQ(r.accumulated["output"][0]["content"][0]["text"], "Hello there!");
  EXPECT_EQ(r.accumulated["output"][1]["arguments"], "{\"city\":\"Paris\"}");
  EXPECT_EQ(r.accumulated["id"], "resp_1");
}

TEST(ResponsesStream, EmptyStreamAccumulatesNull) {
  auto r = check("");
  EXPECT_TRUE(r.accumulated.is_null());
  EXPECT_EQ(ids_of(r.findings), std::vector<std::string>{"sse.responses.empty"});
}

struct Mutation {
  const char* name;
  std::function<std::string()> body;
  std::string expected_id;
};

class ResponsesStreamBroken : public ::testing::TestWithParam<Mutation> {};

// The mutated stream reports the id, and the strict profile makes it at least a warning.
TEST_P(ResponsesStreamBroken, ReportsTheRightCheck) {
  const auto& m = GetParam();
  auto r = check(m.body(), false);
  apply_profile(r.findings, Profile::strict);
  auto it = std::find_if(r.findings.begin(), r.findings.end(), [&](const auto& f) { return f.id == m.expected_id; });
  ASSERT_NE(it, r.findings.end()) << m.name << ": got " << ::testing::PrintToString(ids_of(r.findings));
  EXPECT_NE(it->severity, core::Severity::info) << m.name;
  ASSERT_NE(find_check(m.expected_id), nullptr) << m.expected_id;
}

// Applies `edit` to a copy of the valid events and serializes the result.
std::function<std::string()> edited(std::function<void(Events&)> edit, bool event_lines = true, bool done = true,
                                    long long first = 0) {
  return [=] {
    Events events = valid_events();
    edit(events);
    return serialize(events, event_lines, done, first);
  };
}

std::function<std::string()> raw(std::function<std::string()> f) { return f; }

const auto kNoop = [](Events&) {};

INSTANTIATE_TEST_SUITE_P(
    Mutations, ResponsesStreamBroken,
    ::testing::Values(
        Mutation{"empty", raw([] { return std::string(); }), "sse.responses.empty"},
        Mutation{"invalid_json", raw([] { return "data: {\"type\":\n\n" + serialize(valid_events()); }), "sse.responses.invalid_json"},
        Mutation{"not_object", raw([] { return "data: 42\n\n" + serialize(valid_events()); }), "sse.responses.not_object"},
        Mutation{"type_missing", edited([](Events& e) { e[4].erase("type"); }), "sse.responses.type_missing"},
        Mutation{"event_field_missing", edited(kNoop, false), "sse.responses.event_field_missing"},
        Mutation{"event_field_mismatch", raw([] {
                   std::string s = serialize(valid_events());
                   s.replace(s.find("event: response.in_progress"), 27, "event: response.progress");
                   return s;
                 }), "sse.responses.event_field_mismatch"},
        Mutation{"sequence_missing", edited([](Events& e) { e[3]["sequence_number"] = nullptr; }), "sse.responses.sequence_missing"},
        Mutation{"sequence_order", edited([](Events& e) { e[5]["sequence_number"] = 4; }), "sse.responses.sequence_order"},
        Mutation{"sequence_gap", edited(kNoop, true, true, 1), "sse.responses.sequence_gap"},
        Mutation{"created_first", edited([](Events& e) { e.erase(e.begin()); }), "sse.responses.created_first"},
        Mutation{"created_missing", edited([](Events& e) { e[0]["type"] = "response.queued"; }), "sse.responses.created_missing"},
        Mutation{"lifecycle_order", edited([](Events& e) { e.insert(e.begin() + 1, e[0]); }), "sse.responses.lifecycle_order"},
        Mutation{"item_order", edited([](Events& e) { e[2]["output_index"] = 1; }), "sse.responses.item_order"},
        Mutation{"item_id", edited([](Events& e) { e[9]["item"]["call_id"] = ""; }), "sse.responses.item_id"},
        Mutation{"item_id_duplicate", edited([](Events& e) { e[9]["item"]["id"] = "msg_1"; }), "sse.responses.item_id"},
        Mutation{"item_ref", edited([](Events& e) { e[4]["item_id"] = "msg_2"; }), "sse.responses.item_ref"},
        Mutation{"item_ref_index", edited([](Events& e) { e[4]["output_index"] = 5; }), "sse.responses.item_ref"},
        Mutation{"item_done", edited([](Events& e) { e[8]["item"]["id"] = "msg_9"; }), "sse.responses.item_done"},
        Mutation{"item_not_done", edited([](Events& e) { e.erase(e.begin() + 13); }), "sse.responses.item_not_done"},
        Mutation{"part_order", edited([](Events& e) { e[3]["content_index"] = 1; }), "sse.responses.part_order"},
        Mutation{"part_ref", edited([](Events& e) { e[5]["content_index"] = 3; }), "sse.responses.part_ref"},
        Mutation{"part_ref_type", edited([](Events& e) { e[5]["type"] = "response.refusal.delta"; }), "sse.responses.part_ref"},
        Mutation{"part_done", edited([](Events& e) { e.erase(e.begin() + 7); }), "sse.responses.part_done"},
        Mutation{"text_mismatch", edited([](Events& e) { e[6]["text"] = "Hello!"; }), "sse.responses.text_mismatch"},
        Mutation{"arguments_mismatch", edited([](Events& e) { e[12]["arguments"] = "{}"; }), "sse.responses.arguments_mismatch"},
        Mutation{"arguments_json", edited([](Events& e) {
                   e.erase(e.begin() + 11);
                   e[11]["arguments"] = "{\"city\":";
                   e[12]["item"]["arguments"] = "{\"city\":";
                 }), "sse.responses.arguments_json"},
        Mutation{"terminal_missing", edited([](Events& e) { e.pop_back(); }), "sse.responses.terminal_missing"},
        Mutation{"terminal_repeated", edited([](Events& e) { e.push_back(e.back()); }), "sse.responses.terminal_repeated"},
        Mutation{"terminal_status", edited([](Events& e) { e.back()["response"]["status"] = "in_progress"; }), "sse.responses.terminal_status"},
        Mutation{"after_terminal", edited([](Events& e) { e.push_back(e[5]); }), "sse.responses.after_terminal"},
        Mutation{"output_mismatch", edited([](Events& e) { e.back()["response"]["output"].erase(1); }), "sse.responses.output_mismatch"},
        Mutation{"output_mismatch_text", edited([](Events& e) {
                   e.back()["response"]["output"][0]["content"][0]["text"] = "Bye";
                 }), "sse.responses.output_mismatch"},
        Mutation{"done_missing", edited(kNoop, true, false), "sse.responses.done_missing"},
        Mutation{"done_repeated", raw([] { return serialize(valid_events()) + "data: [DONE]\n\n"; }), "sse.responses.done_repeated"},
        Mutation{"after_done", raw([] {
                   return serialize(valid_events()) + "event: response.in_progress\ndata: " + valid_events()[1].dump() + "\n\n";
                 }), "sse.responses.after_done"},
        Mutation{"unknown_event", edited([](Events& e) {
                   e.insert(e.begin() + 2, json{{"type", "acme:trace"}, {"note", "x"}});
                 }), "sse.responses.unknown_event"},
        Mutation{"error_event", edited([](Events& e) {
                   e.resize(2);
                   e.push_back({{"type", "error"}, {"code", "server_error"}, {"message", "Upstream failed"}, {"param", nullptr},
                                {"error", {{"type", "server_error"}, {"code", "server_error"}, {"message", "Upstream failed"}}}});
                   json failed = response("failed", json::array());
                   failed["error"] = {{"code", "server_error"}, {"message", "Upstream failed"}};
                   e.push_back({{"type", "response.failed"}, {"response", failed}});
                 }), "sse.responses.error_event"}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(ResponsesStream, EveryEventOfTheValidStreamMatchesItsSchemaAndBrokenOnesDoNot) {
  Events events = valid_events();
  events[4]["delta"] = 42;
  auto r = check(serialize(events));
  auto ids = ids_of(r.findings);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "schema.stream_event"), ids.end());
}

TEST(ResponsesStream, UnknownEventTypesPassTheSchema) {
  Events events = valid_events();
  events.insert(events.begin() + 2, json{{"type", "response.acme_search.in_progress"}, {"x", 1}});
  auto r = check(serialize(events));
  for (const auto& f : r.findings) EXPECT_NE(f.id, "schema.stream_event") << f.to_string();
}

TEST(ResponsesStream, LenientProfileToleratesLegacyAndThirdPartyFraming) {
  Events events = valid_events();
  for (auto& e : events) e["sequence_number"] = nullptr;
  std::string body = serialize(events, false, true);
  auto decoded = core::sse::decode_all(body);
  auto r = check_responses_stream(decoded.events, {});
  EXPECT_FALSE(r.findings.empty());
  apply_profile(r.findings, Profile::lenient);
  EXPECT_FALSE(core::has_errors(r.findings));
  apply_profile(r.findings, Profile::standard);
  EXPECT_TRUE(core::has_errors(r.findings));
}

TEST(ResponsesStream, MalformedShapesDoNotThrow) {
  for (const char* data : {R"({"type":"response.output_item.added","output_index":0,"item":"x"})",
                           R"({"type":"response.output_item.done","output_index":0,"item":[1]})",
                           R"({"type":"response.content_part.added","output_index":0,"content_index":0,"part":7})",
                           R"({"type":"response.output_text.delta","output_index":"0"})",
                           R"({"type":"response.completed","response":[]})", R"({"type":"error","error":"x"})"}) {
    std::string body = std::string("event: x\ndata: ") + data + "\n\n";
    auto decoded = core::sse::decode_all(body + body);
    EXPECT_NO_THROW(check_responses_stream(decoded.events, {})) << data;
  }
}

}  // namespace
}  // namespace siraya::harness
