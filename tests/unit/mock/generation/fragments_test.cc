// utf8_fragments / argument_fragments: the pieces concatenate to the text, never split a UTF-8
// sequence, respect the size limit, and tool arguments of two or more characters always come in at
// least two pieces (issue 3 item 3).
#include "mock/generation/fragments.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace siraya::mock::generation {
namespace {

std::string joined(const std::vector<std::string>& pieces) {
  std::string out;
  for (const auto& p : pieces) out += p;
  return out;
}

bool starts_mid_character(const std::string& piece) {
  return !piece.empty() && (static_cast<unsigned char>(piece.front()) & 0xC0) == 0x80;
}

TEST(Utf8Fragments, PiecesJoinToTheTextWithinTheLimit) {
  const std::string text = R"({"city":"Paris","days":3})";
  const auto pieces = utf8_fragments(text, 8);
  EXPECT_EQ(joined(pieces), text);
  for (const auto& p : pieces) {
    EXPECT_FALSE(p.empty());
    EXPECT_LE(p.size(), 8u);
  }
}

TEST(Utf8Fragments, NeverSplitsACharacter) {
  const std::string text = "{\"w\":\"\xC3\xA9t\xC3\xA9 \xF0\x9F\x8C\x8A\"}";  // "été 🌊"
  for (std::size_t size = 1; size <= text.size(); ++size) {
    const auto pieces = utf8_fragments(text, size);
    EXPECT_EQ(joined(pieces), text) << "size " << size;
    for (const auto& p : pieces) EXPECT_FALSE(starts_mid_character(p)) << "size " << size;
  }
}

TEST(Utf8Fragments, ACharacterLongerThanTheLimitStaysWhole) {
  const std::string wave = "\xF0\x9F\x8C\x8A";
  EXPECT_EQ(utf8_fragments(wave + wave, 1), (std::vector<std::string>{wave, wave}));
}

TEST(ArgumentFragments, TinyArgumentsComeInAtLeastTwoPieces) {
  for (const std::string text : {"{}", "{\"a\":1}", R"({"a":23})", "{\"\xC3\xA9\":1}", "{\"a\":\"\xF0\x9F\x8C\x8A\"}"}) {
    for (std::size_t size : {8u, 12u, 16u}) {
      const auto pieces = argument_fragments(text, size);
      EXPECT_GE(pieces.size(), 2u) << text << " size " << size;
      EXPECT_EQ(joined(pieces), text);
      for (const auto& p : pieces) EXPECT_FALSE(starts_mid_character(p)) << text;
    }
  }
}

TEST(ArgumentFragments, LongArgumentsKeepTheDialectSize) {
  const std::string text(100, 'x');
  const auto pieces = argument_fragments(text, 12);
  EXPECT_EQ(pieces.size(), 9u);  // 8 x 12 bytes + 4
  EXPECT_EQ(pieces.front().size(), 12u);
  EXPECT_TRUE(argument_fragments("", 12).empty());
}

}  // namespace
}  // namespace siraya::mock::generation
