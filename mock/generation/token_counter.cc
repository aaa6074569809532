#include "mock/generation/token_counter.h"

namespace siraya::mock::generation {
namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Visits every token as [begin, end) where begin includes the leading whitespace and `body`
// is where the visible part starts. Returns the number of tokens.
template <class Visit>
std::size_t scan(std::string_view text, Visit&& visit) {
  std::size_t count = 0;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const std::size_t begin = i;
    while (i < n && is_space(static_cast<unsigned char>(text[i]))) ++i;
    if (i == n) break;
    if (is_word(static_cast<unsigned char>(text[i]))) {
      while (i < n && is_word(static_cast<unsigned char>(text[i]))) ++i;
    } else {
      ++i;
    }
    ++count;
    if (!visit(begin, i)) break;
  }
  return count;
}

}  // namespace

std::size_t count_tokens(std::string_view text) {
  return scan(text, [](std::size_t, std::size_t) { return true; });
}

std::vector<std::string_view> split_tokens(std::string_view text) {
  std::vector<std::string_view> pieces;
  scan(text, [&](std::size_t begin, std::size_t end) {
    pieces.push_back(text.substr(begin, end - begin));
    return true;
  });
  if (pieces.empty()) {
    if (!text.empty()) pieces.push_back(text);
    return pieces;
  }
  // Trailing whitespace joins the last token.
  const auto* last_end = pieces.back().data() + pieces.back().size();
  const auto consumed = static_cast<std::size_t>(last_end - text.data());
  if (consumed < text.size()) {
    pieces.back() = std::string_view(pieces.back().data(), pieces.back().size() + text.size() - consumed);
  }
  return pieces;
}

std::size_t prefix_with_tokens(std::string_view text, std::size_t max_tokens) {
  if (max_tokens == 0) return 0;
  std::size_t end_of_last = 0;
  std::size_t taken = 0;
  scan(text, [&](std::size_t, std::size_t end) {
    end_of_last = end;
    return ++taken < max_tokens;
  });
  return taken < max_tokens ? text.size() : end_of_last;
}

}  // namespace siraya::mock::generation
