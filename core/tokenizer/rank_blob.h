#pragma once
// Layout of the o200k_base rank blob that cmake/o200k_ranks.cmake builds from js-tiktoken's
// dist/ranks/o200k_base.js (reference README §6) and links into siraya_core. Shared by the
// build-time packer (core/tokenizer/pack/o200k_pack.cc) and the loader (rank_table.cc), which
// refuses a blob whose header does not match.
//
// All integers are uint32 in the build machine's byte order (the packer runs where the library
// is built). Sections follow each other without padding; readers copy integers out with memcpy:
//   header      magic[8] "SIRBPE01", format_version, rank_count, special_count,
//               pattern_size, token_bytes_size
//   pattern     pattern_size bytes: pat_str exactly as the source file has it
//   offsets     rank_count + 1 integers: token r is token_bytes[offsets[r], offsets[r+1])
//   token_bytes token_bytes_size bytes
//   specials    special_count times: id, size, then size bytes of the special token's text
#include <cstdint>

namespace siraya::core::tokenizer::blob {

inline constexpr char kMagic[8] = {'S', 'I', 'R', 'B', 'P', 'E', '0', '1'};
inline constexpr std::uint32_t kFormatVersion = 1;

// o200k_base: ranks 0..199997 (one per byte sequence), specials <|endoftext|> = 199999 and
// <|endofprompt|> = 200018 (reference README §6).
inline constexpr std::uint32_t kO200kRankCount = 199998;
inline constexpr std::uint32_t kO200kEndOfText = 199999;
inline constexpr std::uint32_t kO200kEndOfPrompt = 200018;

struct Header {
  char magic[8];
  std::uint32_t format_version;
  std::uint32_t rank_count;
  std::uint32_t special_count;
  std::uint32_t pattern_size;
  std::uint32_t token_bytes_size;
};

}  // namespace siraya::core::tokenizer::blob
