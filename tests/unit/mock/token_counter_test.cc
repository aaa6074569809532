// Token counting for usage: o200k_base counts (numbers from js-tiktoken 1.0.21, the oracle of
// tests/tokenizer/), pieces that keep UTF-8 characters whole, and prefixes within a token budget.
#include "mock/generation/token_counter.h"

#include <string>

#include <gtest/gtest.h>

namespace siraya::mock::generation {
namespace {

bool valid_utf8_start(std::string_view piece) {
  return !piece.empty() && (static_cast<unsigned char>(piece.front()) & 0xC0) != 0x80;
}

TEST(TokenCounter, CountsO200kTokens) {
  EXPECT_EQ(count_tokens(""), 0u);
  EXPECT_EQ(count_tokens("   "), 1u);
  EXPECT_EQ(count_tokens("Hello"), 1u);
  EXPECT_EQ(count_tokens("Hello, world!"), 4u);
  EXPECT_EQ(count_tokens("{\"a\":1}"), 5u);
  EXPECT_EQ(count_tokens("caf\xc3\xa9 na\xc3\xafve"), 4u);  // c|afé| naï|ve
  EXPECT_EQ(count_tokens("<|endoftext|>"), 7u);             // ordinary text, not a special token
}

TEST(TokenCounter, PiecesKeepUtf8CharactersWhole) {
  // "I love pizza 🍕!": the emoji's four bytes are split across two tokens.
  const std::string text = "I love pizza \xF0\x9F\x8D\x95!";
  EXPECT_EQ(count_tokens(text), 6u);
  const auto pieces = split_tokens(text);
  ASSERT_EQ(pieces.size(), 5u);
  EXPECT_EQ(pieces[3], " \xF0\x9F\x8D\x95");
  for (auto piece : pieces) EXPECT_TRUE(valid_utf8_start(piece)) << piece;
}

TEST(TokenCounter, SplitConcatenatesToTheInput) {
  for (std::string text : {"Hello, world!", "  leading", "trailing  ", "a\nb\tc.", "x", "\n\n\n",
                           "\xe4\xbd\xa0\xe5\xa5\xbd \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9", "bad \xff byte"}) {
    std::string joined;
    for (auto piece : split_tokens(text)) joined += piece;
    EXPECT_EQ(joined, text);
  }
  EXPECT_EQ(split_tokens("Hello, world!"), (std::vector<std::string_view>{"Hello", ",", " world", "!"}));
  EXPECT_TRUE(split_tokens("").empty());
}

TEST(TokenCounter, PrefixHoldsAtMostTheLimit) {
  const std::string text = "One two, three four.";  // One| two|,| three| four|.
  EXPECT_EQ(prefix_with_tokens(text, 0), 0u);
  EXPECT_EQ(text.substr(0, prefix_with_tokens(text, 1)), "One");
  EXPECT_EQ(text.substr(0, prefix_with_tokens(text, 3)), "One two,");
  EXPECT_EQ(prefix_with_tokens(text, 6), text.size());
  EXPECT_EQ(prefix_with_tokens(text, 100), text.size());
  for (std::size_t n = 0; n < 8; ++n) {
    EXPECT_LE(count_tokens(text.substr(0, prefix_with_tokens(text, n))), n);
  }
}

TEST(TokenCounter, PrefixNeverCutsACharacter) {
  // hello| \xF0\x9F\x91|\xA8|\xE2\x80\x8D|... : the man emoji takes two tokens.
  const std::string text = "hello \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 there";
  EXPECT_EQ(text.substr(0, prefix_with_tokens(text, 2)), "hello");
  EXPECT_EQ(text.substr(0, prefix_with_tokens(text, 3)), "hello \xF0\x9F\x91\xA8");
  for (std::size_t n = 0; n <= count_tokens(text); ++n) {
    const std::size_t cut = prefix_with_tokens(text, n);
    EXPECT_TRUE(cut == text.size() || valid_utf8_start(std::string_view(text).substr(cut))) << n;
    EXPECT_LE(count_tokens(text.substr(0, cut)), n);
  }
}

TEST(TokenCounter, PrefixOfWhiteSpaceRunsStaysWithinTheLimit) {
  // White-space runs tokenise differently once cut ("\s+(?!\S)" looks ahead); the limit holds.
  const std::string text = "a   b\n\n\n  c    \t d  ";
  for (std::size_t n = 0; n <= count_tokens(text); ++n) {
    EXPECT_LE(count_tokens(text.substr(0, prefix_with_tokens(text, n))), n) << n;
  }
}

}  // namespace
}  // namespace siraya::mock::generation
