// The messages stream state machine on hand-made streams: one valid stream (messages.md §7.3 -
// §7.5: thinking, text, tool_use), then one mutation per check id, each asserting that id.
#include "harness/checks/messages_stream.h"

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

json delta(int index, const std::string& type, const std::string& key, const std::string& value) {
  return {{"type", "content_block_delta"}, {"index", index}, {"delta", {{"type", type}, {key, value}}}};
}

json start(int index, json block) { return {{"type", "content_block_start"}, {"index", index}, {"content_block", block}}; }
json stop(int index) { return {{"type", "content_block_stop"}, {"index", index}}; }

Events valid_events() {
  return {
      {{"type", "message_start"},
       {"message", {{"id", "msg_01"}, {"type", "message"}, {"role", "assistant"}, {"model", "anthropic/claude-sonnet-4.5"},
                    {"content", json::array()}, {"stop_reason", nullptr}, {"stop_sequence", nullptr},
                    {"usage", {{"input_tokens", 25}, {"output_tokens", 1}}}}}},
      start(0, {{"type", "thinking"}, {"thinking", ""}, {"signature", ""}}),
      {{"type", "ping"}},
      delta(0, "thinking_delta", "thinking", "Let me work this out..."),
      delta(0, "signature_delta", "signature", "c2lnbmF0dXJl"),
      stop(0),
      start(1, {{"type", "text"}, {"text", ""}}),
      delta(1, "text_delta", "text", "Checking"),
      delta(1, "text_delta", "text", "."),
      stop(1),
      start(2, {{"type", "tool_use"}, {"id", "toolu_01"}, {"name", "get_weather"}, {"input", json::object()}}),
      delta(2, "input_json_delta", "partial_json", ""),
      delta(2, "input_json_delta", "partial_json", "{\"city\": \"Pa"),
      delta(2, "input_json_delta", "partial_json", "ris\"}"),
      stop(2),
      {{"type", "message_delta"}, {"delta", {{"stop_reason", "tool_use"}, {"stop_sequence", nullptr}}},
       {"usage", {{"output_tokens", 40}}}},
      {{"type", "message_stop"}},
  };
}

std::string serialize(const Events& events, bool event_lines = true) {
  std::string out;
  for (const auto& e : events) {
    if (event_lines && e.contains("type")) out += "event: " + e["type"].get<std::string>() + "\n";
    out += "data: " + e.dump() + "\n\n";
  }
  return out;
}

MessagesStreamResult check(const std::string& body, bool with_schemas = true) {
  static auto schemas = core::schema::Registry::embedded();
  auto decoded = core::sse::decode_all(body);
  MessagesStreamOptions options;
  options.schemas = with_schemas && schemas ? schemas->get() : nullptr;
  return check_messages_stream(decoded.events, options);
}

std::vector<std::string> ids_of(const core::Findings& findings) {
  std::vector<std::string> ids;
  for (const auto& f : findings) ids.push_back(f.id);
  return ids;
}

TEST(MessagesStream, ValidStreamHasNoFindingsAndAccumulatesTheMessage) {
  auto r = check(serialize(valid_events()));
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().to_string();
  const json& m = r.accumulated;
  ASSERT_EQ(m["content"].size(), 3u);
  EXPECT_EQ(m["content"][0]["thinking"], "Let me work this out...");
  EXPECT_EQ(m["content"][0]["signature"], "c2lnbmF0dXJl");
  EXPECT_EQ(m["content"][1]["text"], "Checking.");
  EXPECT_EQ(m["content"][2]["input"], json({{"city", "Paris"}}));
  EXPECT_EQ(m["stop_reason"], "tool_use");
  EXPECT_EQ(m["usage"]["output_tokens"], 40);
  EXPECT_EQ(m["usage"]["input_tokens"], 25);
  auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas);
  auto found = (*schemas)->validate("messages/message.json", m, "accumulated");
  EXPECT_TRUE(found.empty()) << found.front().to_string();
}

TEST(MessagesStream, EmptyToolInputIsAnEmptyObject) {
  Events events = valid_events();
  events.erase(events.begin() + 12, events.begin() + 14);
  auto r = check(serialize(events));
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().to_string();
  EXPECT_EQ(r.accumulated["content"][2]["input"], json::object());
}

TEST(MessagesStream, TrailingDoneIsOnlyNoted) {
  auto r = check(serialize(valid_events()) + "data: [DONE]\n\n");
  apply_profile(r.findings, Profile::standard);
  EXPECT_EQ(ids_of(r.findings), std::vector<std::string>{"sse.messages.done_sentinel"});
  EXPECT_FALSE(core::has_errors(r.findings));
}

struct Mutation {
  const char* name;
  std::function<std::string()> body;
  std::string expected_id;
};

class MessagesStreamBroken : public ::testing::TestWithParam<Mutation> {};

TEST_P(MessagesStreamBroken, ReportsTheRightCheck) {
  const auto& m = GetParam();
  auto r = check(m.body(), false);
  apply_profile(r.findings, Profile::strict);
  auto it = std::find_if(r.findings.begin(), r.findings.end(), [&](const auto& f) { return f.id == m.expected_id; });
  ASSERT_NE(it, r.findings.end()) << m.name << ": got " << ::testing::PrintToString(ids_of(r.findings));
  EXPECT_NE(it->severity, core::Severity::info) << m.name;
  ASSERT_NE(find_check(m.expected_id), nullptr) << m.expected_id;
}

std::function<std::string()> edited(std::function<void(Events&)> edit, bool event_lines = true) {
  return [=] {
    Events events = valid_events();
    edit(events);
    return serialize(events, event_lines);
  };
}

std::function<std::string()> raw(std::function<std::string()> f) { return f; }

INSTANTIATE_TEST_SUITE_P(
    Mutations, MessagesStreamBroken,
    ::testing::Values(
        Mutation{"empty", raw([] { return std::string(); }), "sse.messages.empty"},
        Mutation{"invalid_json", raw([] { return serialize(valid_events()) + "event: ping\ndata: {\"type\n\n"; }), "sse.messages.invalid_json"},
        Mutation{"not_object", raw([] { return "event: ping\ndata: []\n\n" + serialize(valid_events()); }), "sse.messages.not_object"},
        Mutation{"type_missing", edited([](Events& e) { e[2].erase("type"); }), "sse.messages.type_missing"},
        Mutation{"event_field_missing", edited([](Events&) {}, false), "sse.messages.event_field_missing"},
        Mutation{"event_field_mismatch", raw([] {
                   std::string s = serialize(valid_events());
                   s.replace(s.find("event: content_block_stop"), 25, "event: content_block_end");
                   return s;
                 }), "sse.messages.event_field_mismatch"},
        Mutation{"done_sentinel", raw([] { return serialize(valid_events()) + "data: [DONE]\n\n"; }), "sse.messages.done_sentinel"},
        Mutation{"start_first", edited([](Events& e) { std::swap(e[0], e[1]); }), "sse.messages.start_first"},
        Mutation{"start_repeated", edited([](Events& e) { e.insert(e.begin() + 6, e[0]); }), "sse.messages.start_repeated"},
        Mutation{"usage_missing_start", edited([](Events& e) { e[0]["message"].erase("usage"); }), "sse.messages.usage_missing"},
        Mutation{"usage_missing_delta", edited([](Events& e) { e[15].erase("usage"); }), "sse.messages.usage_missing"},
        Mutation{"block_index", edited([](Events& e) {
                   for (int i = 6; i <= 9; ++i) e[static_cast<std::size_t>(i)]["index"] = 5;
                 }), "sse.messages.block_index"},
        Mutation{"block_order", edited([](Events& e) { std::swap(e[5], e[6]); }), "sse.messages.block_order"},
        Mutation{"block_ref", edited([](Events& e) { e[7]["index"] = 7; }), "sse.messages.block_ref"},
        Mutation{"block_ref_after_stop", edited([](Events& e) { e.insert(e.begin() + 10, e[7]); }), "sse.messages.block_ref"},
        Mutation{"block_start_field", edited([](Events& e) { e[6]["content_block"].erase("text"); }), "sse.messages.block_start_field"},
        Mutation{"block_start_tool", edited([](Events& e) { e[10]["content_block"].erase("id"); }), "sse.messages.block_start_field"},
        Mutation{"block_not_stopped", edited([](Events& e) { e.erase(e.begin() + 14); }), "sse.messages.block_not_stopped"},
        Mutation{"delta_type", edited([](Events& e) { e[7]["delta"] = {{"type", "input_json_delta"}, {"partial_json", "x"}}; }), "sse.messages.delta_type"},
        Mutation{"tool_input_json", edited([](Events& e) { e[13]["delta"]["partial_json"] = "ris\""; }), "sse.messages.tool_input_json"},
        Mutation{"tool_input_not_object", edited([](Events& e) {
                   e[12]["delta"]["partial_json"] = "[1,";
                   e[13]["delta"]["partial_json"] = "2]";
                 }), "sse.messages.tool_input_json"},
        Mutation{"message_delta_missing", edited([](Events& e) { e.erase(e.begin() + 15); }), "sse.messages.message_delta_missing"},
        Mutation{"message_delta_repeated", edited([](Events& e) { e.insert(e.begin() + 15, e[15]); }), "sse.messages.message_delta_repeated"},
        Mutation{"stop_reason_missing", edited([](Events& e) { e[15]["delta"]["stop_reason"] = nullptr; }), "sse.messages.stop_reason_missing"},
        Mutation{"stop_reason_tool_use", edited([](Events& e) { e[15]["delta"]["stop_reason"] = "end_turn"; }), "sse.messages.stop_reason_tool_use"},
        Mutation{"tool_use_without_block", edited([](Events& e) { e.erase(e.begin() + 10, e.begin() + 15); }), "sse.messages.stop_reason_tool_use"},
        Mutation{"usage_decreased", edited([](Events& e) { e[0]["message"]["usage"]["output_tokens"] = 50; }), "sse.messages.usage_decreased"},
        Mutation{"stop_missing", edited([](Events& e) { e.pop_back(); }), "sse.messages.stop_missing"},
        Mutation{"after_stop", edited([](Events& e) { e.push_back(e[15]); }), "sse.messages.after_stop"},
        Mutation{"unknown_event", edited([](Events& e) { e.insert(e.begin() + 1, json{{"type", "acme_trace"}}); }), "sse.messages.unknown_event"},
        Mutation{"error_event", edited([](Events& e) {
                   e.resize(8);
                   e.push_back({{"type", "error"}, {"error", {{"type", "overloaded_error"}, {"message", "Overloaded"}}}});
                 }), "sse.messages.error_event"}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(MessagesStream, ErrorEventEndsTheStreamWithoutFurtherFindings) {
  Events events = valid_events();
  events.resize(8);
  events.push_back({{"type", "error"}, {"error", {{"type", "overloaded_error"}, {"message", "Overloaded"}}}});
  auto r = check(serialize(events));
  EXPECT_EQ(ids_of(r.findings), std::vector<std::string>{"sse.messages.error_event"});
}

TEST(MessagesStream, SchemaViolationsAreReportedPerEvent) {
  Events events = valid_events();
  events[7]["delta"]["text"] = 5;
  auto ids = ids_of(check(serialize(events)).findings);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "schema.stream_event"), ids.end());
}

TEST(MessagesStream, UnknownBlockAndDeltaTypesPassTheSchemaAndTheChecker) {
  Events events = valid_events();
  events.insert(events.begin() + 15, {start(3, {{"type", "compaction"}, {"content", nullptr}}),
                                      delta(3, "compaction_delta", "content", "summary"), stop(3)});
  auto r = check(serialize(events));
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().to_string();
  EXPECT_EQ(r.accumulated["content"][3]["type"], "compaction");
}

TEST(MessagesStream, MalformedShapesDoNotThrow) {
  for (const char* data : {R"({"type":"message_start","message":[]})", R"({"type":"content_block_start","index":"0"})",
                           R"({"type":"content_block_delta","index":0,"delta":"x"})",
                           R"({"type":"message_delta","delta":[],"usage":3})", R"({"type":"error","error":"x"})"}) {
    std::string body = std::string("event: x\ndata: ") + data + "\n\n";
    auto decoded = core::sse::decode_all(body + body);
    EXPECT_NO_THROW(check_messages_stream(decoded.events, {})) << data;
  }
}

}  // namespace
}  // namespace siraya::harness
