// The o200k_base tokenizer: fixed ids (taken from js-tiktoken 1.0.21, the oracle that
// tests/tokenizer/oracle.mjs compares against on the whole corpus), round trips, offsets,
// ill-formed UTF-8, special tokens and concurrent use.
#include "core/tokenizer/tokenizer.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace siraya::core::tokenizer {
namespace {

const Tokenizer& o200k() { return Tokenizer::o200k_base(); }

std::vector<std::string> corpus() {
  std::ifstream in(std::filesystem::path(SIRAYA_SOURCE_DIR) / "tests/data/tokenizer_corpus.json", std::ios::binary);
  const auto doc = nlohmann::json::parse(std::string(std::istreambuf_iterator<char>(in), {}), nullptr, false);
  std::vector<std::string> texts;
  if (!doc.is_discarded()) {
    for (const auto& c : doc["cases"]) texts.push_back(c.get<std::string>());
  }
  return texts;
}

std::string decoded(const std::vector<TokenId>& ids) {
  auto text = o200k().decode(ids);
  EXPECT_TRUE(text.has_value());
  return text ? *text : std::string();
}

TEST(Tokenizer, MatchesTiktokenIds) {
  const std::vector<std::pair<std::string, std::vector<TokenId>>> cases = {
      {"", {}},
      {"a", {64}},
      {" ", {220}},
      {"Hello, world!", {13225, 11, 2375, 0}},
      {"The quick brown fox jumps over the lazy dog.", {976, 4853, 19705, 68347, 65613, 1072, 290, 29082, 6446, 13}},
      {"\n\n\n", {2499}},
      {"trailing spaces   ", {371, 24408, 18608, 271}},
      {"(n):\n    if n", {2406, 1883, 271, 538, 297}},  // "\s+(?!\S)" leaves one space for " if"
      {"They'LL say it's fine", {12280, 6, 7454, 2891, 4275, 8975}},
      {"1234567", {7633, 19354, 22}},  // digits in groups of at most three
      {"caf\xc3\xa9 na\xc3\xafve", {66, 103112, 153475, 737}},
      {"\xe4\xbd\xa0\xe5\xa5\xbd\xef\xbc\x8c\xe4\xb8\x96\xe7\x95\x8c\xef\xbc\x81", {177519, 979, 28428, 3393}},
      {"\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F\x91\xA6",
       {28823, 101, 2524, 28823, 102, 2524, 28823, 100, 2524, 28823, 99}},
  };
  for (const auto& [text, ids] : cases) {
    EXPECT_EQ(o200k().encode(text), ids) << text;
    EXPECT_EQ(o200k().count(text), ids.size()) << text;
  }
}

TEST(Tokenizer, SpecialTokenTextIsOrdinaryText) {
  EXPECT_EQ(o200k().encode("<|endoftext|>"), (std::vector<TokenId>{27, 91, 419, 1440, 919, 91, 29}));
  EXPECT_EQ(decoded({199999}), "<|endoftext|>");
  EXPECT_EQ(decoded({200018}), "<|endofprompt|>");
}

TEST(Tokenizer, DecodeRejectsUnknownIds) {
  for (TokenId id : {TokenId{199998}, TokenId{200000}, TokenId{4000000000u}}) {
    const auto text = o200k().decode(std::vector<TokenId>{13225, id});
    ASSERT_FALSE(text.has_value()) << id;
    EXPECT_EQ(text.error().id, "tokenizer.unknown_token");
    EXPECT_NE(text.error().message.find(std::to_string(id)), std::string::npos);
  }
}

TEST(Tokenizer, DescribesItsData) {
  EXPECT_EQ(o200k().vocabulary_size(), 199998u);
  EXPECT_NE(o200k().pattern().find("\\s+(?!\\S)"), std::string_view::npos);
}

TEST(Tokenizer, CorpusRoundTripsAndTokensTileTheText) {
  const auto texts = corpus();
  ASSERT_GT(texts.size(), 50u);
  for (const auto& text : texts) {
    const auto ids = o200k().encode(text);
    EXPECT_EQ(decoded(ids), text);
    std::size_t at = 0;
    std::size_t index = 0;
    o200k().visit(text, [&](const Token& t) {
      EXPECT_EQ(t.begin, at);
      EXPECT_LT(t.begin, t.end);
      EXPECT_EQ(t.id, ids[index]);
      EXPECT_EQ(decoded({t.id}), text.substr(t.begin, t.end - t.begin));
      at = t.end;
      ++index;
      return true;
    });
    EXPECT_EQ(at, text.size());
    EXPECT_EQ(index, ids.size());
  }
}

TEST(Tokenizer, VisitStopsWhenAsked) {
  std::size_t seen = 0;
  o200k().visit("one two three four", [&](const Token&) { return ++seen < 2; });
  EXPECT_EQ(seen, 2u);
}

TEST(Tokenizer, IllFormedUtf8IsKeptAsBytes) {
  const std::vector<std::string> texts = {
      "\xff", "\xff\xfe\xfd", "abc\xc3", "\xc3(", "\xe2\x82", "\xed\xa0\x80 surrogate", "\xc0\xaf overlong",
      "\xf4\x90\x80\x80 beyond", "Hello\xff world", "\x80\x80\x80", std::string("nul\0byte", 8)};
  for (const auto& text : texts) {
    EXPECT_EQ(decoded(o200k().encode(text)), text);
  }
  // Well-formed text around the bad byte is tokenised as usual.
  const auto ids = o200k().encode("Hello\xff world");
  ASSERT_GE(ids.size(), 3u);
  EXPECT_EQ(ids.front(), 13225u);  // "Hello"
  EXPECT_EQ(ids.back(), 2375u);    // " world"
}

TEST(Tokenizer, RandomBytesRoundTrip) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(0, 200);
  for (int i = 0; i < 300; ++i) {
    std::string text(static_cast<std::size_t>(length(rng)), '\0');
    for (auto& c : text) c = static_cast<char>(byte(rng));
    EXPECT_EQ(decoded(o200k().encode(text)), text);
  }
}

TEST(Tokenizer, LongPiecesRoundTrip) {
  // One pre-tokenised piece each: merging must stay fast and exact however long it is.
  for (const std::string& text : {std::string(100000, 'a'), std::string(100000, ' '), std::string(50000, '!'),
                                  std::string(30000, '\n')}) {
    const auto ids = o200k().encode(text);
    EXPECT_LT(ids.size(), text.size() / 2);
    EXPECT_EQ(decoded(ids), text);
  }
}

TEST(Tokenizer, ConcurrentUseGivesTheSameIds) {
  const auto texts = corpus();
  std::vector<std::vector<TokenId>> expected;
  for (const auto& t : texts) expected.push_back(o200k().encode(t));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int w = 0; w < 4; ++w) {
    threads.emplace_back([&, w] {
      for (int round = 0; round < 5; ++round) {
        for (std::size_t i = 0; i < texts.size(); ++i) {
          if (o200k().encode(texts[i]) != expected[i]) ++mismatches[static_cast<std::size_t>(w)];
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace siraya::core::tokenizer
