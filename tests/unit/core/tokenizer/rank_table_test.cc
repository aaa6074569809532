// The linked o200k_base rank data: its shape (reference README §6) and the byte-string index.
#include "core/tokenizer/rank_table.h"

#include <gtest/gtest.h>

namespace siraya::core::tokenizer {
namespace {

const RankTable& ranks() { return RankTable::o200k_base(); }

TEST(RankTable, HoldsTheO200kRanks) {
  EXPECT_EQ(ranks().size(), 199998u);
  EXPECT_EQ(ranks().bytes(0), "!");
  EXPECT_EQ(ranks().bytes(13225), "Hello");
  EXPECT_EQ(ranks().bytes(2375), " world");
  EXPECT_EQ(ranks().bytes(199998), std::nullopt);
  EXPECT_EQ(ranks().special(199999), "<|endoftext|>");
  EXPECT_EQ(ranks().special(200018), "<|endofprompt|>");
  EXPECT_EQ(ranks().special(13225), std::nullopt);
}

TEST(RankTable, IndexFindsEveryRankByItsBytes) {
  for (std::uint32_t r = 0; r < ranks().size(); ++r) {
    const auto bytes = ranks().bytes(r);
    ASSERT_TRUE(bytes.has_value());
    ASSERT_EQ(ranks().rank(*bytes), r);
  }
  EXPECT_EQ(ranks().rank(""), RankTable::kNoRank);
  EXPECT_EQ(ranks().rank("Hello, world! not a token"), RankTable::kNoRank);
}

TEST(RankTable, EveryByteHasARank) {
  for (int b = 0; b < 256; ++b) {
    const std::uint32_t r = ranks().byte_rank(static_cast<unsigned char>(b));
    EXPECT_EQ(ranks().bytes(r), std::string(1, static_cast<char>(b)));
  }
}

}  // namespace
}  // namespace siraya::core::tokenizer
