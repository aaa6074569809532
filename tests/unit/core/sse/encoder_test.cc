// The encoder's framing (reference README §5) and its round trip through the decoder.
#include "core/sse/encoder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/sse/decoder.h"

namespace siraya::core::sse {
namespace {

TEST(SseEncoder, DataOnlyEvent) {
  EXPECT_EQ(encode(R"({"a":1})"), "data: {\"a\":1}\n\n");
  EXPECT_EQ(encode(kDone), "data: [DONE]\n\n");
}

TEST(SseEncoder, NamedEvent) {
  EXPECT_EQ(encode(R"({"type":"ping"})", "ping"), "event: ping\ndata: {\"type\":\"ping\"}\n\n");
}

TEST(SseEncoder, MultilineDataBecomesOneDataLinePerLine) {
  EXPECT_EQ(encode("a\nb"), "data: a\ndata: b\n\n");
  EXPECT_EQ(encode("a\r\nb\rc"), "data: a\ndata: b\ndata: c\n\n");
  EXPECT_EQ(encode("a\n"), "data: a\ndata: \n\n");
}

TEST(SseEncoder, Comment) {
  EXPECT_EQ(encode_comment("keep-alive"), ": keep-alive\n\n");
  EXPECT_EQ(encode_comment("a\nb"), ": a\n: b\n\n");
}

struct RoundTrip {
  std::string data;
  std::string type;
};

TEST(SseEncoder, RoundTripsThroughTheDecoder) {
  const std::vector<RoundTrip> cases = {
      {R"({"a":1})", ""},
      {R"({"type":"message_start"})", "message_start"},
      {"[DONE]", ""},
      {" leading space kept", ""},
      {"  two leading spaces", "x"},
      {"line one\nline two\n\nline four", "multi"},
      {"trailing newline\n", ""},
      {"\n", ""},
      {"colon: inside: value", "e"},
      {"h\xC3\xA9llo \xF0\x9F\x98\x80", "utf8"},
      {std::string(100000, 'z'), "big"},
  };
  std::string stream;
  for (const auto& c : cases) stream += encode(c.data, c.type) + encode_comment("keep-alive");
  const Decoded d = decode_all(stream);
  ASSERT_EQ(d.events.size(), cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(d.events[i].data, cases[i].data) << i;
    EXPECT_EQ(d.events[i].type, cases[i].type) << i;
  }
  EXPECT_EQ(d.comments, cases.size());
}

TEST(SseEncoder, CarriageReturnsInDataRoundTripAsLineFeeds) {
  const Decoded d = decode_all(encode("a\r\nb\rc"));
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].data, "a\nb\nc");
}

TEST(SseEncoder, SingleLineJsonEventsDecodeWithoutFindings) {
  const Decoded d = decode_all(encode(R"({"a":1})", "t") + encode_comment("x") + encode(kDone));
  EXPECT_EQ(d.events.size(), 2u);
  EXPECT_TRUE(d.findings.empty());
}

}  // namespace
}  // namespace siraya::core::sse
