// Event kinds for the event-type dimension: chat chunks by what they carry, responses and
// messages events by their type.
#include "harness/coverage/stream_kinds.h"

#include <gtest/gtest.h>

#include "core/sse/decoder.h"

namespace siraya::harness {
namespace {

using Names = std::vector<std::string>;

core::sse::Event data_event(std::string data, std::string type = "") {
  core::sse::Event e;
  e.data = std::move(data);
  e.type = std::move(type);
  return e;
}

TEST(CoverageStreamKinds, ChatChunksByWhatTheyCarry) {
  using core::StreamDialect;
  EXPECT_EQ(event_kinds(StreamDialect::chat, data_event(R"({"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]})")),
            (Names{"role"}));  // empty content is no content
  EXPECT_EQ(event_kinds(StreamDialect::chat, data_event(R"({"choices":[{"delta":{"content":"Hi"},"finish_reason":null}]})")),
            (Names{"content"}));
  EXPECT_EQ(event_kinds(StreamDialect::chat,
                        data_event(R"({"choices":[{"delta":{"tool_calls":[{"index":0}]},"finish_reason":"tool_calls"}]})")),
            (Names{"tool_calls", "finish"}));
  EXPECT_EQ(event_kinds(StreamDialect::chat, data_event(R"({"choices":[],"usage":{"total_tokens":3}})")), (Names{"usage"}));
  EXPECT_EQ(event_kinds(StreamDialect::chat, data_event(R"({"error":{"code":502},"choices":[{"delta":{},"finish_reason":"error"}]})")),
            (Names{"error", "finish"}));
  EXPECT_EQ(event_kinds(StreamDialect::chat, data_event(R"({"message":"x"})", "error")), (Names{"error"}));
  EXPECT_TRUE(event_kinds(StreamDialect::chat, data_event("[DONE]")).empty());
  EXPECT_TRUE(event_kinds(StreamDialect::chat, data_event("not json")).empty());
}

TEST(CoverageStreamKinds, TypedEventsByJsonTypeThenEventField) {
  using core::StreamDialect;
  EXPECT_EQ(event_kinds(StreamDialect::responses, data_event(R"({"type":"response.created"})", "ignored")),
            (Names{"response.created"}));
  EXPECT_EQ(event_kinds(StreamDialect::messages, data_event("not json", "ping")), (Names{"ping"}));
  EXPECT_TRUE(event_kinds(StreamDialect::responses, data_event("[DONE]")).empty());
  EXPECT_TRUE(event_kinds(StreamDialect::none, data_event(R"({"type":"x"})")).empty());
}

TEST(CoverageStreamKinds, AStreamsKindsInFirstSeenOrder) {
  const auto decoded = core::sse::decode_all(
      "event: message_start\ndata: {\"type\":\"message_start\"}\n\n"
      "event: ping\ndata: {\"type\":\"ping\"}\n\n"
      "event: message_start\ndata: {\"type\":\"message_start\"}\n\n"
      "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
  EXPECT_EQ(stream_kinds(core::StreamDialect::messages, decoded.events),
            (Names{"message_start", "ping", "message_stop"}));
}

}  // namespace
}  // namespace siraya::harness
