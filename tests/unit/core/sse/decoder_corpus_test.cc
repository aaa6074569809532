// The byte-exact streams under tests/corpus/sse/: what each must decode to (WHATWG HTML 9.2.6),
// and proof that the result does not depend on how the bytes are cut into chunks.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "core/sse/decoder.h"
#include "sse_test_support.h"

namespace siraya::core::sse {
namespace {

using testing::decode_bytewise;
using testing::decode_chunked;
using testing::finding_ids;
using testing::own_corpus_dir;
using testing::read_binary;
using testing::same_decoding;

struct ExpectedEvent {
  std::string type;
  std::string data;
  std::optional<std::string> id = std::nullopt;
  std::optional<long long> retry = std::nullopt;
  std::size_t data_lines = 1;
  std::optional<std::size_t> byte_offset = std::nullopt;
};

struct CorpusCase {
  std::string file;
  std::vector<ExpectedEvent> events;
  std::vector<std::string> finding_ids;
  std::size_t comments = 0;
};

void PrintTo(const CorpusCase& c, std::ostream* os) { *os << c.file; }

const std::string kFffd = "\xEF\xBF\xBD";

std::vector<CorpusCase> corpus_cases() {
  using namespace std::string_literals;
  return {
      {"lf.sse",
       {{"", R"({"n":1})", {}, {}, 1, 0},
        {"", "{\"t\":\"h\xC3\xA9llo \xE4\xB8\x96\xE7\x95\x8C \xF0\x9F\x98\x80\"}", {}, {}, 1, 15},
        {"", "[DONE]"}},
       {}},
      {"crlf.sse",
       {{"message_start", R"({"type":"message_start"})", {}, {}, 1, 0},
        {"message_stop", R"({"type":"message_stop"})", {}, {}, 1, 56}},
       {}},
      {"cr.sse", {{"a", "1", {}, {}, 1, 0}, {"", "2", {}, {}, 1, 18}}, {}},
      // "\r\n" then "\n"; "\n" then "\r\n"; "\r" then "\r\n"; "\n" then "\r": four blank lines.
      {"mixed-line-ends.sse",
       {{"", "a", {}, {}, 1, 0}, {"", "b", {}, {}, 1, 10}, {"", "c", {}, {}, 1, 20}, {"", "d", {}, {}, 1, 30}},
       {}},
      {"bom.sse", {{"", R"({"bom":true})", {}, {}, 1, 3}}, {}},
      // Only one BOM is stripped; the second makes the first field name "\uFEFFdata".
      {"double-bom.sse", {{"", "y", {}, {}, 1, 15}}, {"sse.unknown_field"}},
      {"comments.sse", {{"", R"({"a":1})", {}, {}, 1, 53}}, {}, 5},
      {"multiline-data.sse",
       {{"", "{\"a\":\n1}", {}, {}, 2, 0}, {"", "x\n\ny", {}, {}, 3, 22}},
       {"sse.multiline_data", "sse.multiline_data"}},
      // The last `event:` wins; an id with NUL and a retry that is not all digits are ignored;
      // `retry:  100` keeps one space in its value (not digits); a bare `id` sets the id to "".
      {"fields.sse",
       {{"second", "x", "42", 3000, 1, 0}, {"", "y", {}, {}, 1, 55}, {"", "z", "", {}, 1, 83}},
       {}},
      {"field-without-colon.sse", {{"", "x", {}, {}, 1, 0}, {"", "\n", {}, {}, 2, 15}}, {"sse.multiline_data"}},
      {"no-space.sse", {{"ping", R"({"type":"ping"})", {}, {}, 1, 0}, {"", "x", {}, {}, 1, 33}}, {}},
      {"two-spaces.sse", {{"", " two"}, {"", "\ttab"}}, {}},
      {"unknown-field.sse", {{"", "1"}, {"", "2"}}, {"sse.unknown_field", "sse.unknown_field"}},
      // `data:` and `data: ` make a non-empty data buffer ("\n"): dispatched with data "".
      {"empty-data-line.sse",
       {{"", ""}, {"", ""}, {"", "ok"}},
       {"sse.empty_data", "sse.empty_data"}},
      // `event: ping` and `id: 7` alone: not dispatched, but reported.
      {"event-without-data.sse", {{"", R"({"type":"pong"})", {}, {}, 1, 13}}, {"sse.empty_data", "sse.empty_data"}},
      {"trailing-event.sse", {{"", "a"}}, {"sse.unterminated_event"}},
      {"trailing-line.sse", {{"", "a"}}, {"sse.unterminated_event"}},
      {"trailing-comment.sse", {{"", "a"}}, {}, 1},
      {"invalid-utf8.sse",
       {{"", "caf" + kFffd}, {"", kFffd}, {"", "\xF0\x9F\x98\x80 ok"}},
       {"sse.invalid_utf8"}},
      {"long-line.sse",
       {{"", R"({"type":"x","text":")" + [] {
           std::string s;
           for (int i = 0; i < 12288; ++i) s += "abcdefghij";
           return s;
         }() + R"("})"}},
       {}},
  };
}

class CorpusTest : public ::testing::TestWithParam<CorpusCase> {};

TEST_P(CorpusTest, DecodesToTheExpectedEventsAndFindings) {
  const CorpusCase& c = GetParam();
  const std::string body = read_binary(own_corpus_dir() / c.file);
  ASSERT_FALSE(body.empty()) << c.file;
  const Decoded d = decode_all(body);
  ASSERT_EQ(d.events.size(), c.events.size());
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    SCOPED_TRACE("event " + std::to_string(i));
    const Event& got = d.events[i];
    const ExpectedEvent& want = c.events[i];
    EXPECT_EQ(got.type, want.type);
    EXPECT_EQ(got.data, want.data);
    EXPECT_EQ(got.id, want.id);
    EXPECT_EQ(got.retry, want.retry);
    EXPECT_EQ(got.index, i);
    EXPECT_EQ(got.data_lines, want.data_lines);
    if (want.byte_offset) {
      EXPECT_EQ(got.byte_offset, *want.byte_offset);
    }
  }
  EXPECT_EQ(finding_ids(d.findings), c.finding_ids);
  EXPECT_EQ(d.comments, c.comments);
}

TEST_P(CorpusTest, TwoChunksCutAnywhereDecodeLikeOneChunk) {
  const std::string body = read_binary(own_corpus_dir() / GetParam().file);
  const Decoded whole = decode_all(body);
  std::vector<std::size_t> cuts;
  if (body.size() <= 4096) {
    for (std::size_t i = 0; i <= body.size(); ++i) cuts.push_back(i);
  } else {
    // A long file: every cut near both ends (the line start and end), a seeded sample inside.
    for (std::size_t i = 0; i <= 512; ++i) cuts.push_back(i);
    for (std::size_t i = body.size() - 512; i <= body.size(); ++i) cuts.push_back(i);
    std::mt19937 rng(20240601);
    std::uniform_int_distribution<std::size_t> pos(0, body.size());
    for (int i = 0; i < 200; ++i) cuts.push_back(pos(rng));
  }
  for (std::size_t cut : cuts)
    ASSERT_TRUE(same_decoding(decode_chunked(body, {cut}), whole)) << "cut at byte " << cut;
}

TEST_P(CorpusTest, ThreeChunksCutAnywhereDecodeLikeOneChunk) {
  const std::string body = read_binary(own_corpus_dir() / GetParam().file);
  if (body.size() > 256) GTEST_SKIP() << "pairs of cuts are checked on the small files";
  const Decoded whole = decode_all(body);
  for (std::size_t a = 0; a <= body.size(); ++a)
    for (std::size_t b = a; b <= body.size(); ++b)
      ASSERT_TRUE(same_decoding(decode_chunked(body, {a, b}), whole)) << "cuts " << a << ", " << b;
}

TEST_P(CorpusTest, OneByteAtATimeDecodesLikeOneChunk) {
  const std::string body = read_binary(own_corpus_dir() / GetParam().file);
  EXPECT_TRUE(same_decoding(decode_bytewise(body), decode_all(body)));
}

INSTANTIATE_TEST_SUITE_P(SseCorpus, CorpusTest, ::testing::ValuesIn(corpus_cases()),
                         [](const ::testing::TestParamInfo<CorpusCase>& param_info) {
                           const std::string& file = param_info.param.file;
                           std::string name;
                           for (char ch : file.substr(0, file.find('.')))
                             name += (ch == '-') ? '_' : ch;
                           return name;
                         });

TEST(SseCorpusFiles, EveryFileHasAnExpectation) {
  std::vector<std::string> expected;
  for (const auto& c : corpus_cases()) expected.push_back(c.file);
  for (const auto& entry : std::filesystem::directory_iterator(own_corpus_dir())) {
    if (entry.path().extension() != ".sse") continue;
    const std::string name = entry.path().filename().string();
    EXPECT_NE(std::find(expected.begin(), expected.end(), name), expected.end()) << name;
  }
}

}  // namespace
}  // namespace siraya::core::sse
