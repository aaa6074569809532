#include "core/tokenizer/rank_table.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/tokenizer/rank_blob.h"

// The blob's bounds, defined by the linker source that cmake/o200k_ranks.cmake generates.
extern "C" const unsigned char siraya_o200k_blob_begin[];
extern "C" const unsigned char siraya_o200k_blob_end[];

namespace siraya::core::tokenizer {
namespace {

[[noreturn]] void corrupt(const std::string& what) {
  std::fprintf(stderr, "siraya: the linked o200k_base rank blob is invalid (%s); rebuild siraya_core\n", what.c_str());
  std::abort();
}

std::uint32_t load_u32(const unsigned char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// Keys are short (a token is a few bytes), so a word-at-a-time multiply-xorshift is enough.
std::uint64_t hash_bytes(std::string_view s) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (s.size() * 0xFF51AFD7ED558CCDull);
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
  }
  std::uint64_t tail = 0;
  if (i < s.size()) std::memcpy(&tail, s.data() + i, s.size() - i);
  h = (h ^ tail) * 0x94D049BB133111EBull;
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 32);
}

}  // namespace

const RankTable& RankTable::o200k_base() {
  static const RankTable table(siraya_o200k_blob_begin,
                               static_cast<std::size_t>(siraya_o200k_blob_end - siraya_o200k_blob_begin));
  return table;
}

RankTable::RankTable(const unsigned char* data, std::size_t size) {
  std::size_t at = 0;
  const auto take = [&](std::size_t n) {
    if (size - at < n) corrupt("truncated");
    const unsigned char* p = data + at;
    at += n;
    return p;
  };
  blob::Header header;
  std::memcpy(&header, take(sizeof header), sizeof header);
  if (std::memcmp(header.magic, blob::kMagic, sizeof blob::kMagic) != 0) corrupt("bad magic");
  if (header.format_version != blob::kFormatVersion) corrupt("format version " + std::to_string(header.format_version));
  if (header.rank_count != blob::kO200kRankCount) corrupt(std::to_string(header.rank_count) + " ranks");
  if (header.pattern_size == 0) corrupt("empty pattern");
  rank_count_ = header.rank_count;
  pattern_ = std::string_view(reinterpret_cast<const char*>(take(header.pattern_size)), header.pattern_size);
  offsets_ = take((std::size_t{rank_count_} + 1) * 4);
  token_bytes_ = reinterpret_cast<const char*>(take(header.token_bytes_size));
  if (load_u32(offsets_) != 0 || load_u32(offsets_ + std::size_t{rank_count_} * 4) != header.token_bytes_size) {
    corrupt("offsets do not span the token bytes");
  }
  for (std::uint32_t i = 0; i < header.special_count; ++i) {
    const std::uint32_t id = load_u32(take(4));
    const std::uint32_t length = load_u32(take(4));
    specials_.emplace_back(id, std::string_view(reinterpret_cast<const char*>(take(length)), length));
  }
  if (at != size) corrupt("trailing bytes");
  if (special(blob::kO200kEndOfText) != "<|endoftext|>" || special(blob::kO200kEndOfPrompt) != "<|endofprompt|>") {
    corrupt("special tokens");
  }

  std::size_t capacity = 1;
  while (capacity < std::size_t{rank_count_} * 5 / 2) capacity <<= 1;
  slots_.assign(capacity, 0);
  mask_ = capacity - 1;
  for (auto& r : byte_ranks_) r = kNoRank;
  for (std::uint32_t r = 0; r < rank_count_; ++r) {
    const std::uint32_t begin = load_u32(offsets_ + std::size_t{r} * 4);
    const std::uint32_t end = load_u32(offsets_ + std::size_t{r} * 4 + 4);
    if (end <= begin || end > header.token_bytes_size) corrupt("offsets of rank " + std::to_string(r));
    const std::string_view key(token_bytes_ + begin, end - begin);
    if (rank(key) != kNoRank) corrupt("duplicate byte sequence at rank " + std::to_string(r));
    const std::uint64_t h = hash_bytes(key);
    std::uint64_t slot = h & mask_;
    while (slots_[slot] != 0) slot = (slot + 1) & mask_;
    slots_[slot] = (h & 0xFFFFFFFF00000000ull) | (std::uint64_t{r} + 1);
    if (key.size() == 1) byte_ranks_[static_cast<unsigned char>(key[0])] = r;
  }
  for (auto r : byte_ranks_) {
    if (r == kNoRank) corrupt("a single byte without a rank");
  }
}

std::uint32_t RankTable::rank(std::string_view key) const {
  const std::uint64_t h = hash_bytes(key);
  const std::uint64_t tag = h & 0xFFFFFFFF00000000ull;
  for (std::uint64_t slot = h & mask_;; slot = (slot + 1) & mask_) {
    const std::uint64_t v = slots_[slot];
    if (v == 0) return kNoRank;
    if ((v & 0xFFFFFFFF00000000ull) != tag) continue;
    const auto r = static_cast<std::uint32_t>((v & 0xFFFFFFFFull) - 1);
    const std::uint32_t begin = load_u32(offsets_ + std::size_t{r} * 4);
    const std::uint32_t end = load_u32(offsets_ + std::size_t{r} * 4 + 4);
    if (end - begin == key.size() && std::memcmp(token_bytes_ + begin, key.data(), key.size()) == 0) return r;
  }
}

std::optional<std::string_view> RankTable::bytes(std::uint32_t r) const {
  if (r >= rank_count_) return std::nullopt;
  const std::uint32_t begin = load_u32(offsets_ + std::size_t{r} * 4);
  const std::uint32_t end = load_u32(offsets_ + std::size_t{r} * 4 + 4);
  return std::string_view(token_bytes_ + begin, end - begin);
}

std::optional<std::string_view> RankTable::special(std::uint32_t id) const {
  for (const auto& [i, text] : specials_) {
    if (i == id) return text;
  }
  return std::nullopt;
}

}  // namespace siraya::core::tokenizer
