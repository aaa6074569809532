#pragma once
// The o200k_base vocabulary: byte sequence <-> rank, from the blob linked into siraya_core at
// build time (core/tokenizer/rank_blob.h, reference README §6). Immutable once built, so one
// table serves every thread.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace siraya::core::tokenizer {

class RankTable {
 public:
  static constexpr std::uint32_t kNoRank = 0xFFFFFFFFu;

  // The linked o200k_base table, checked (magic, format version, 199998 ranks, offsets, both
  // special tokens) and indexed on first use; thread-safe. A blob that fails the check is a
  // build defect: the process aborts with a message rather than count wrong.
  static const RankTable& o200k_base();

  // The rank of exactly `bytes`, or kNoRank.
  std::uint32_t rank(std::string_view bytes) const;
  // Every single byte has a rank in o200k_base (the packer checks it).
  std::uint32_t byte_rank(unsigned char byte) const { return byte_ranks_[byte]; }
  // The bytes of `rank`; nullopt when it is not a rank.
  std::optional<std::string_view> bytes(std::uint32_t rank) const;
  // The text of a special token id (e.g. 199999 -> "<|endoftext|>"); nullopt otherwise.
  std::optional<std::string_view> special(std::uint32_t id) const;
  // The pre-tokenisation regex, exactly as the source file spells it.
  std::string_view pattern() const { return pattern_; }
  std::uint32_t size() const { return rank_count_; }

 private:
  RankTable(const unsigned char* data, std::size_t size);

  std::string_view pattern_;
  std::uint32_t rank_count_ = 0;
  const unsigned char* offsets_ = nullptr;  // rank_count_ + 1 unaligned uint32
  const char* token_bytes_ = nullptr;
  std::vector<std::pair<std::uint32_t, std::string_view>> specials_;
  // Open addressing, linear probing: (hash tag << 32) | (rank + 1); 0 is an empty slot.
  std::vector<std::uint64_t> slots_;
  std::uint64_t mask_ = 0;
  std::uint32_t byte_ranks_[256] = {};
};

}  // namespace siraya::core::tokenizer
