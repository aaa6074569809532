#include "core/tokenizer/byte_pair_merge.h"

#include <algorithm>
#include <cassert>
#include <limits>

namespace siraya::core::tokenizer {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Min-heap order on (rank, left): the lowest rank first, the leftmost pair on a tie.
bool later(const auto& a, const auto& b) { return a.rank != b.rank ? a.rank > b.rank : a.left > b.left; }

}  // namespace

void BytePairMerger::consider(std::string_view piece, std::uint32_t left) {
  const std::uint32_t mid = end_[left];
  if (mid >= piece.size()) return;
  const std::uint32_t right_end = end_[mid];
  const std::uint32_t r = ranks_.rank(piece.substr(left, right_end - left));
  if (r == RankTable::kNoRank) return;
  heap_.push_back({r, left, right_end});
  std::push_heap(heap_.begin(), heap_.end(), [](const Candidate& a, const Candidate& b) { return later(a, b); });
}

void BytePairMerger::merge(std::string_view piece, std::vector<PieceToken>& out) {
  out.clear();
  assert(piece.size() < kNone);
  const auto n = static_cast<std::uint32_t>(piece.size());
  if (n == 0) return;
  end_.resize(n);
  prev_.resize(n);
  rank_.resize(n);
  alive_.assign(n, true);
  heap_.clear();
  for (std::uint32_t i = 0; i < n; ++i) {
    end_[i] = i + 1;
    prev_[i] = i == 0 ? kNone : i - 1;
    rank_[i] = ranks_.byte_rank(static_cast<unsigned char>(piece[i]));
  }
  for (std::uint32_t i = 0; i + 1 < n; ++i) consider(piece, i);

  const auto order = [](const Candidate& a, const Candidate& b) { return later(a, b); };
  while (!heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), order);
    const Candidate c = heap_.back();
    heap_.pop_back();
    // Skip candidates that earlier merges invalidated. One whose parts changed but still span the
    // same bytes is the same pair with the same rank, so it is kept.
    if (!alive_[c.left]) continue;
    const std::uint32_t mid = end_[c.left];
    if (mid >= n || end_[mid] != c.right_end) continue;
    alive_[mid] = false;
    end_[c.left] = c.right_end;
    rank_[c.left] = c.rank;
    if (c.right_end < n) prev_[c.right_end] = c.left;
    if (prev_[c.left] != kNone) consider(piece, prev_[c.left]);
    consider(piece, c.left);
  }
  for (std::uint32_t i = 0; i < n; i = end_[i]) out.push_back({rank_[i], i, end_[i]});
}

}  // namespace siraya::core::tokenizer
