#pragma once
// Byte-pair merging of one pre-tokenised piece, as tiktoken (and js-tiktoken) define it: start
// from single bytes and repeatedly merge the adjacent pair whose concatenation has the lowest
// rank, the leftmost on a tie, until no adjacent pair is a token. A heap of candidate pairs makes
// it O(n log n), so a megabyte-long piece (one word without spaces) stays fast.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/tokenizer/rank_table.h"

namespace siraya::core::tokenizer {

struct PieceToken {
  std::uint32_t rank;
  std::uint32_t begin;  // byte offsets in the piece: [begin, end)
  std::uint32_t end;
};

// Holds scratch space reused from piece to piece; one per thread (not shareable).
class BytePairMerger {
 public:
  explicit BytePairMerger(const RankTable& ranks) : ranks_(ranks) {}

  // Replaces `out` with the tokens of `piece`, in order; they tile the piece exactly.
  void merge(std::string_view piece, std::vector<PieceToken>& out);

 private:
  struct Candidate {
    std::uint32_t rank;
    std::uint32_t left;       // start of the left part
    std::uint32_t right_end;  // end of the right part when the pair was seen
  };

  void consider(std::string_view piece, std::uint32_t left);

  const RankTable& ranks_;
  std::vector<std::uint32_t> end_;   // part starting at i ends at end_[i] (valid while alive)
  std::vector<std::uint32_t> prev_;  // start of the part before the one starting at i
  std::vector<std::uint32_t> rank_;  // rank of the part starting at i
  std::vector<bool> alive_;
  std::vector<Candidate> heap_;
};

}  // namespace siraya::core::tokenizer
