#include "mock/embeddings/base64.h"

#include <bit>
#include <cstdint>

#include "mock/encoding/base64.h"

namespace siraya::mock::embeddings {

std::string float32_le_base64(std::span<const float> values) {
  std::string bytes;
  bytes.reserve(values.size() * 4);
  for (float v : values) {
    const auto bits = std::bit_cast<std::uint32_t>(v);
    for (int shift = 0; shift < 32; shift += 8) bytes.push_back(static_cast<char>((bits >> shift) & 0xff));
  }
  return encoding::base64_encode(bytes);
}

}  // namespace siraya::mock::embeddings
