#pragma once
// The parsed form of a JSON Schema `pattern` (ECMAScript regular expression, ECMA-262 §22.2), as
// much of it as generating matching strings needs: alternatives of sequences of pieces, each a
// literal, a character set, a group or an assertion (empty), with its repetition bounds.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace siraya::mock::generation::schema {

inline constexpr std::size_t kUnbounded = static_cast<std::size_t>(-1);

// Code-point ranges and nested sets (\d, \W, ... inside a class), possibly negated.
struct CharSet {
  std::vector<std::pair<char32_t, char32_t>> ranges;
  std::vector<CharSet> subsets;
  bool negated = false;

  bool contains(char32_t c) const;
};

struct Alternation;

// One atom and its repetition bounds (max kUnbounded for * and +); `empty` for ^ $ \b \B.
struct Piece {
  enum class Kind { literal, set, group, empty } kind = Kind::empty;
  char32_t literal = 0;
  CharSet set;
  std::shared_ptr<Alternation> group;
  std::size_t min = 1;
  std::size_t max = 1;
};

struct Sequence {
  std::vector<Piece> pieces;
};

struct Alternation {
  std::vector<Sequence> options;
};

// Error id schema.unsupported (lookarounds, back-references, \p{...}) with location "".
core::Result<Alternation> parse_pattern(std::string_view pattern);

// Appends the UTF-8 encoding of code point `c`.
void append_utf8(std::string& out, char32_t c);

}  // namespace siraya::mock::generation::schema
