// The SSE event splitter of record mode (mock/record/event_splitter.h): events end at an empty
// line whatever the line endings, bytes split anywhere give the same events, and no byte is lost.
#include "mock/record/event_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace siraya::mock::record {
namespace {

std::vector<std::string> split_in_pieces(const std::string& stream, std::size_t piece) {
  EventSplitter splitter;
  std::vector<std::string> events;
  for (std::size_t at = 0; at < stream.size(); at += piece) {
    for (auto& e : splitter.feed(std::string_view(stream).substr(at, piece))) events.push_back(std::move(e));
  }
  if (auto rest = splitter.finish(); !rest.empty()) events.push_back(std::move(rest));
  return events;
}

struct Case {
  const char* label;
  std::string stream;
  std::vector<std::string> events;
};

TEST(EventSplitter, EventsEndAtEmptyLinesWithAnyLineEnding) {
  const std::vector<Case> cases = {
      {"LF", "data: a\n\ndata: b\n\n", {"data: a\n\n", "data: b\n\n"}},
      {"CRLF", "event: x\r\ndata: a\r\n\r\ndata: b\r\n\r\n", {"event: x\r\ndata: a\r\n\r\n", "data: b\r\n\r\n"}},
      {"CR", "data: a\r\rdata: b\r\r", {"data: a\r\r", "data: b\r\r"}},
      {"mixed", "data: a\r\n\ndata: b\n\r\n", {"data: a\r\n\n", "data: b\n\r\n"}},
      {"comment and multi-line data", ": ping\n\ndata: 1\ndata: 2\n\n", {": ping\n\n", "data: 1\ndata: 2\n\n"}},
      {"unterminated last event", "data: a\n\ndata: [DONE]\n", {"data: a\n\n", "data: [DONE]\n"}},
      {"stray blank line first", "\ndata: a\n\n", {"\n", "data: a\n\n"}},
  };
  for (const auto& c : cases) {
    for (std::size_t piece : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7}, c.stream.size()}) {
      const auto events = split_in_pieces(c.stream, piece);
      EXPECT_EQ(events, c.events) << c.label << ", pieces of " << piece;
      std::string joined;
      for (const auto& e : events) joined += e;
      EXPECT_EQ(joined, c.stream) << c.label;
    }
  }
}

TEST(EventSplitter, AnEventIsReturnedAsSoonAsItsBlankLineArrives) {
  EventSplitter splitter;
  EXPECT_TRUE(splitter.feed("data: {\"a\":").empty());
  EXPECT_TRUE(splitter.feed("1}\n").empty());
  EXPECT_EQ(splitter.feed("\ndata: b"), std::vector<std::string>{"data: {\"a\":1}\n\n"});
  EXPECT_EQ(splitter.finish(), "data: b");
  EXPECT_EQ(splitter.finish(), "");
}

}  // namespace
}  // namespace siraya::mock::record
