#include "mock/generation/text.h"

#include <cctype>

#include <gtest/gtest.h>

namespace siraya::mock::generation {
namespace {

std::size_t word_count(const std::string& s) {
  std::size_t n = 0;
  bool in_word = false;
  for (unsigned char c : s) {
    const bool w = !std::isspace(c);
    if (w && !in_word) ++n;
    in_word = w;
  }
  return n;
}

TEST(Text, ProseIsDeterministicPerSeed) {
  Rng a(42), b(42), c(43);
  const std::string first = prose(a, 20);
  EXPECT_EQ(first, prose(b, 20));
  EXPECT_NE(first, prose(c, 20));
}

TEST(Text, ProseIsSentences) {
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    Rng rng(seed);
    const std::string text = prose(rng, 12);
    ASSERT_FALSE(text.empty());
    EXPECT_TRUE(std::isupper(static_cast<unsigned char>(text.front()))) << text;
    EXPECT_EQ(text.back(), '.') << text;
    EXPECT_EQ(text.find("  "), std::string::npos) << text;
    EXPECT_GE(word_count(text), 12u) << text;
    EXPECT_LE(word_count(text), 12u + 14u) << text;
  }
}

TEST(Text, ArticlesAgreeWithTheNextWord) {
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    Rng rng(seed);
    const std::string text = " " + prose(rng, 30);
    for (char v : std::string("aeiou")) {
      EXPECT_EQ(text.find(std::string(" a ") + v), std::string::npos) << text;
    }
  }
}

TEST(Text, WordsGivesExactlyN) {
  Rng rng(7);
  EXPECT_EQ(word_count(words(rng, 3)), 3u);
  EXPECT_EQ(words(rng, 0), "");
}

}  // namespace
}  // namespace siraya::mock::generation
