#include "mock/generation/token_counter.h"

#include <string>

#include <gtest/gtest.h>

namespace siraya::mock::generation {
namespace {

TEST(TokenCounter, CountsWordsAndPunctuation) {
  EXPECT_EQ(count_tokens(""), 0u);
  EXPECT_EQ(count_tokens("   "), 0u);
  EXPECT_EQ(count_tokens("Hello"), 1u);
  EXPECT_EQ(count_tokens("Hello, world!"), 4u);
  EXPECT_EQ(count_tokens("{\"a\":1}"), 7u);
}

TEST(TokenCounter, KeepsUtf8SequencesWhole) {
  const std::string text = "caf\xc3\xa9 na\xc3\xafve";
  EXPECT_EQ(count_tokens(text), 2u);
  for (auto piece : split_tokens(text)) {
    EXPECT_NE(static_cast<unsigned char>(piece.front()) & 0xC0, 0x80u);
  }
}

TEST(TokenCounter, SplitConcatenatesToTheInput) {
  for (std::string text : {"Hello, world!", "  leading", "trailing  ", "a\nb\tc.", "x"}) {
    std::string joined;
    for (auto piece : split_tokens(text)) joined += piece;
    EXPECT_EQ(joined, text);
  }
  EXPECT_EQ(split_tokens("Hello, world!").size(), count_tokens("Hello, world!"));
}

TEST(TokenCounter, PrefixHoldsAtMostTheLimit) {
  const std::string text = "One two, three four.";
  EXPECT_EQ(prefix_with_tokens(text, 0), 0u);
  EXPECT_EQ(text.substr(0, prefix_with_tokens(text, 1)), "One");
  EXPECT_EQ(text.substr(0, prefix_with_tokens(text, 3)), "One two,");
  EXPECT_EQ(prefix_with_tokens(text, 100), text.size());
  for (std::size_t n = 0; n < 8; ++n) {
    EXPECT_LE(count_tokens(text.substr(0, prefix_with_tokens(text, n))), n);
  }
}

}  // namespace
}  // namespace siraya::mock::generation
