#include "mock/generation/fragments.h"

#include <algorithm>

namespace siraya::mock::generation {
namespace {
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

std::vector<std::string> utf8_fragments(const std::string& text, std::size_t size) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = std::min(text.size(), pos + std::max<std::size_t>(size, 1));
    while (end < text.size() && end > pos + 1 && continuation(text[end])) --end;
    // No boundary within `size` bytes: the piece is the whole first character.
    while (end < text.size() && continuation(text[end])) ++end;
    out.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

std::vector<std::string> argument_fragments(const std::string& text, std::size_t size) {
  // Half the length rounded up: a first piece shorter than the text whenever it has two
  // characters, since the splitter only goes past the limit to finish a single character.
  return utf8_fragments(text, std::min(size, std::max<std::size_t>(1, (text.size() + 1) / 2)));
}

}  // namespace siraya::mock::generation
