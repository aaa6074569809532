#include "mock/generation/fragments.h"

#include <algorithm>

namespace siraya::mock::generation {

std::vector<std::string> utf8_fragments(const std::string& text, std::size_t size) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = std::min(text.size(), pos + std::max<std::size_t>(size, 1));
    while (end < text.size() && end > pos + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    out.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

}  // namespace siraya::mock::generation
