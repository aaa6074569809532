#include "mock/generation/token_counter.h"

#include "core/tokenizer/tokenizer.h"

namespace siraya::mock::generation {
namespace {

using core::tokenizer::Token;
using core::tokenizer::Tokenizer;

// Whether byte offset `at` of `text` starts a character (or is the end): UTF-8 continuation
// bytes are 10xxxxxx.
bool at_character_boundary(std::string_view text, std::size_t at) {
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

}  // namespace

std::size_t count_tokens(std::string_view text) { return Tokenizer::o200k_base().count(text); }

std::vector<std::string_view> split_tokens(std::string_view text) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  Tokenizer::o200k_base().visit(text, [&](const Token& t) {
    if (at_character_boundary(text, t.end)) {
      pieces.push_back(text.substr(start, t.end - start));
      start = t.end;
    }
    return true;
  });
  if (start < text.size()) pieces.push_back(text.substr(start));
  return pieces;
}

std::size_t prefix_with_tokens(std::string_view text, std::size_t max_tokens) {
  if (max_tokens == 0) return 0;
  // Candidate cuts: the ends of the first max_tokens tokens that fall between characters.
  std::vector<std::size_t> cuts{0};
  std::size_t seen = 0;
  bool fits = true;
  Tokenizer::o200k_base().visit(text, [&](const Token& t) {
    if (++seen > max_tokens) {
      fits = false;
      return false;
    }
    if (at_character_boundary(text, t.end)) cuts.push_back(t.end);
    return true;
  });
  if (fits) return text.size();
  // A prefix is encoded afresh, and the pattern looks ahead ("\s+(?!\S)" keeps the last space of
  // a run for the next word), so a prefix may take more tokens than the count of the tokens it
  // was cut after. Rare; back off to an earlier cut until it fits (the empty prefix always does).
  while (cuts.size() > 1 && count_tokens(text.substr(0, cuts.back())) > max_tokens) cuts.pop_back();
  return cuts.back();
}

}  // namespace siraya::mock::generation
