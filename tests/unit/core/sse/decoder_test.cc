// Decoder behaviour on small inline streams (WHATWG HTML 9.2.6 and the finding contract in
// core/sse/decoder.h). The byte-exact corpus files are covered by decoder_corpus_test.cc.
#include "core/sse/decoder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sse_test_support.h"

namespace siraya::core::sse {
namespace {

using namespace std::chrono_literals;
using testing::finding_ids;

std::vector<std::string> datas(const std::vector<Event>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(e.data);
  return out;
}

const Finding* find(const Findings& findings, std::string_view id) {
  for (const auto& f : findings)
    if (f.id == id) return &f;
  return nullptr;
}

TEST(SseDecoder, CrAtChunkEndAndLfAtNextChunkStartAreOneLineEnd) {
  Decoder d;
  auto first = d.feed("data: a\r");
  auto second = d.feed("\ndata: b\n\n");
  d.finish();
  EXPECT_TRUE(first.empty());
  // Were the LF a line end of its own, it would be a blank line dispatching "a" alone.
  EXPECT_EQ(datas(second), std::vector<std::string>{"a\nb"});
}

TEST(SseDecoder, LoneCrAtChunkEndFollowedByOtherTextIsALineEnd) {
  Decoder d;
  auto events = d.feed("data: a\r");
  auto more = d.feed("data: b\r\r");
  EXPECT_TRUE(events.empty());
  EXPECT_EQ(datas(more), std::vector<std::string>{"a\nb"});
}

TEST(SseDecoder, BlankCrLineDispatchesWithoutWaitingForAPossibleLf) {
  Decoder d;
  EXPECT_EQ(datas(d.feed("data: a\n\r")), std::vector<std::string>{"a"});
  EXPECT_TRUE(d.feed("\n").empty());  // the LF completes the CRLF, it is not another blank line
  EXPECT_EQ(datas(d.feed("data: b\r\n\r\n")), std::vector<std::string>{"b"});
  d.finish();
  EXPECT_TRUE(d.findings().empty());
}

TEST(SseDecoder, BomSplitAcrossChunksIsStripped) {
  Decoder d;
  EXPECT_TRUE(d.feed("\xEF").empty());
  EXPECT_TRUE(d.feed("\xBB").empty());
  auto events = d.feed("\xBF" "data: x\n\n");
  d.finish();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "x");
  EXPECT_EQ(events[0].byte_offset, 3u);
  EXPECT_TRUE(d.findings().empty());
  EXPECT_EQ(d.bytes_seen(), 12u);
}

TEST(SseDecoder, BrokenBomPrefixIsKeptAsText) {
  const Decoded d = decode_all("\xEF\xBB" "data: x\n\n");
  EXPECT_TRUE(d.events.empty());  // the field name is "\uFFFDdata"
  EXPECT_EQ(finding_ids(d.findings), (std::vector<std::string>{"sse.invalid_utf8", "sse.unknown_field"}));
}

TEST(SseDecoder, StreamEndingInsideABomPrefixCountsItsBytes) {
  Decoder d;
  d.feed("\xEF\xBB");
  EXPECT_EQ(d.bytes_seen(), 2u);
  d.finish();
  // Not a BOM after all: two bytes that are not UTF-8, on a line that never ended.
  EXPECT_EQ(finding_ids(d.findings()), std::vector<std::string>{"sse.invalid_utf8"});
}

TEST(SseDecoder, Utf8SequenceSplitAcrossChunksIsDecodedWhole) {
  Decoder d;
  d.feed("data: \xE4\xB8");
  auto events = d.feed("\x96\n\n");
  d.finish();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "\xE4\xB8\x96");
  EXPECT_TRUE(d.findings().empty());
}

TEST(SseDecoder, InvalidUtf8IsReplacedAndReportedOnceWithItsOffset) {
  const Decoded d = decode_all("data: ok\n\ndata: a\xFF\xFE" "b\n\ndata: \xC3\n\n");
  EXPECT_EQ(datas(d.events), (std::vector<std::string>{"ok", "a\xEF\xBF\xBD\xEF\xBF\xBD" "b",
                                                        "\xEF\xBF\xBD"}));
  ASSERT_EQ(finding_ids(d.findings), std::vector<std::string>{"sse.invalid_utf8"});
  EXPECT_EQ(d.findings[0].severity, Severity::error);
  EXPECT_EQ(d.findings[0].location, "byte 17 (event 1)");
}

TEST(SseDecoder, ArrivalIsThatOfTheChunkCompletingTheEvent) {
  Decoder d;
  EXPECT_TRUE(d.feed("data: a\n", 5ns).empty());
  auto events = d.feed("\n", 9ns);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].arrival, 9ns);
}

TEST(SseDecoder, FieldsBelongToOneEventOnly) {
  const Decoded d = decode_all("event: a\nid: 1\nretry: 10\ndata: x\n\ndata: y\n\n");
  ASSERT_EQ(d.events.size(), 2u);
  EXPECT_EQ(d.events[0].type, "a");
  EXPECT_EQ(d.events[0].id, "1");
  EXPECT_EQ(d.events[0].retry, 10);
  EXPECT_EQ(d.events[1].type, "");
  EXPECT_EQ(d.events[1].id, std::nullopt);
  EXPECT_EQ(d.events[1].retry, std::nullopt);
  EXPECT_EQ(d.events[1].index, 1u);
}

TEST(SseDecoder, RetryTooLargeForAnIntegerIsIgnored) {
  const Decoded d = decode_all("retry: 99999999999999999999999\ndata: x\n\n");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].retry, std::nullopt);
}

TEST(SseDecoder, NamedEventWithoutDataIsNotDispatchedButReported) {
  const Decoded d = decode_all("event: ping\n\n");
  EXPECT_TRUE(d.events.empty());
  ASSERT_EQ(finding_ids(d.findings), std::vector<std::string>{"sse.empty_data"});
  EXPECT_EQ(d.findings[0].severity, Severity::error);
  EXPECT_EQ(d.findings[0].location, "byte 0 (event 0)");
}

TEST(SseDecoder, EmptyDataLineIsDispatchedAndReported) {
  const Decoded d = decode_all("data: a\n\nevent: x\ndata:\n\n");
  ASSERT_EQ(d.events.size(), 2u);
  EXPECT_EQ(d.events[1].type, "x");
  EXPECT_EQ(d.events[1].data, "");
  ASSERT_EQ(finding_ids(d.findings), std::vector<std::string>{"sse.empty_data"});
  EXPECT_EQ(d.findings[0].location, "byte 9 (event 1)");
}

TEST(SseDecoder, MultilineDataIsAWarningPerEvent) {
  const Decoded d = decode_all("data: a\ndata: b\n\ndata: c\n\n");
  EXPECT_EQ(datas(d.events), (std::vector<std::string>{"a\nb", "c"}));
  ASSERT_EQ(finding_ids(d.findings), std::vector<std::string>{"sse.multiline_data"});
  EXPECT_EQ(d.findings[0].severity, Severity::warning);
}

TEST(SseDecoder, UnknownFieldIsInfoOncePerName) {
  const Decoded d = decode_all("foo: 1\ndata: a\n\nfoo: 2\nbar\ndata: b\n\n");
  EXPECT_EQ(d.events.size(), 2u);
  ASSERT_EQ(finding_ids(d.findings), (std::vector<std::string>{"sse.unknown_field", "sse.unknown_field"}));
  EXPECT_EQ(d.findings[0].severity, Severity::info);
  EXPECT_NE(d.findings[0].what.find("\"foo\""), std::string::npos);
  EXPECT_NE(d.findings[1].what.find("\"bar\""), std::string::npos);
}

TEST(SseDecoder, LongFieldNamesAreShortenedOnACharacterBoundary) {
  std::string name;
  for (int i = 0; i < 100; ++i) name += "\xC3\xA9";  // "é" x 100, 200 bytes
  const Decoded d = decode_all(name + ": v\ndata: x\n\n");
  ASSERT_EQ(finding_ids(d.findings), std::vector<std::string>{"sse.unknown_field"});
  const std::string& what = d.findings[0].what;
  EXPECT_LT(what.size(), 200u);
  // The finding text is itself valid UTF-8: the decoder finds nothing wrong in it.
  EXPECT_TRUE(decode_all("data: " + what + "\n\n").findings.empty());
}

TEST(SseDecoder, UnterminatedEventIsDiscardedAndReported) {
  for (const char* body : {"data: a\n\ndata: b\n", "data: a\n\ndata: b", "data: a\n\nid: 1\n",
                           "data: a\n\nevent: x\r"}) {
    SCOPED_TRACE(body);
    const Decoded d = decode_all(body);
    EXPECT_EQ(datas(d.events), std::vector<std::string>{"a"});
    ASSERT_EQ(finding_ids(d.findings), std::vector<std::string>{"sse.unterminated_event"});
    EXPECT_EQ(d.findings[0].severity, Severity::error);
    EXPECT_EQ(d.findings[0].location, "byte 9 (event 1)");
  }
}

TEST(SseDecoder, TrailingCommentsBlankLinesAndUnknownFieldsAreNotAnUnterminatedEvent) {
  for (const char* body : {"data: a\n\n: bye\n", "data: a\n\n: bye", "data: a\n\n\n\n", "data: a\n\n",
                           "data: a\n\nfoo: 1\n"}) {
    SCOPED_TRACE(body);
    const Decoded d = decode_all(body);
    EXPECT_EQ(datas(d.events), std::vector<std::string>{"a"});
    EXPECT_EQ(find(d.findings, "sse.unterminated_event"), nullptr);
  }
}

TEST(SseDecoder, NoFindingsForLegalFramingVariants) {
  const Decoded d = decode_all(
      "\xEF\xBB\xBF: hi\r\n\r\ndata:{\"a\":1}\r\n\r\n\n\nevent: e\rdata: {}\r\r: x\ndata: [DONE]\n\n");
  EXPECT_EQ(datas(d.events), (std::vector<std::string>{"{\"a\":1}", "{}", "[DONE]"}));
  EXPECT_TRUE(d.findings.empty());
  EXPECT_EQ(d.comments, 2u);
}

TEST(SseDecoder, EmptyStreamHasNothing) {
  const Decoded d = decode_all("");
  EXPECT_TRUE(d.events.empty());
  EXPECT_TRUE(d.findings.empty());
  EXPECT_EQ(d.comments, 0u);
}

TEST(SseDecoder, FinishIsIdempotentAndLaterInputIsIgnored) {
  Decoder d;
  d.feed("data: a");
  d.finish();
  d.finish();
  EXPECT_EQ(d.findings().size(), 1u);
  EXPECT_TRUE(d.feed("\n\n").empty());
}

TEST(SseDecoder, BytesSeenCountsEveryByteFed) {
  Decoder d;
  d.feed("data: a\r");
  d.feed("\n\r\n");
  EXPECT_EQ(d.bytes_seen(), 11u);
}

TEST(SseDecoder, MegabyteLinesInSmallChunksDecode) {
  const std::string payload(4 * 1024 * 1024, 'x');
  const std::string body = "data: " + payload + "\n\n";
  Decoder d;
  std::vector<Event> events;
  for (std::size_t i = 0; i < body.size(); i += 1000)
    for (auto& e : d.feed(std::string_view(body).substr(i, 1000))) events.push_back(std::move(e));
  d.finish();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data.size(), payload.size());
  EXPECT_TRUE(d.findings().empty());
}

}  // namespace
}  // namespace siraya::core::sse
