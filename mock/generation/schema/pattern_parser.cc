#include "mock/generation/schema/pattern_parser.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "mock/generation/schema/node.h"

namespace siraya::mock::generation::schema {
namespace {

constexpr int kMaxGroupNesting = 64;

CharSet digits(bool negated) { return CharSet{{{'0', '9'}}, {}, negated}; }
CharSet word(bool negated) { return CharSet{{{'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {'_', '_'}}, {}, negated}; }
CharSet space(bool negated) {
  return CharSet{{{' ', ' '}, {'\t', '\r'}, {0xA0, 0xA0}, {0x2028, 0x2029}, {0xFEFF, 0xFEFF}}, {}, negated};
}

class Parser {
 public:
  explicit Parser(std::string_view p) : p_(p) {}

  core::Result<Alternation> run() {
    Alternation alt = alternation(0);
    if (error_) return unsupported("", *error_);
    if (pos_ < p_.size()) return unsupported("", "unbalanced \")\" at offset " + std::to_string(pos_));
    return alt;
  }

 private:
  bool done() const { return pos_ >= p_.size() || error_; }
  char peek() const { return pos_ < p_.size() ? p_[pos_] : '\0'; }
  void fail(std::string why) {
    if (!error_) error_ = std::move(why);
  }

  Alternation alternation(int depth) {
    Alternation alt;
    alt.options.push_back(sequence(depth));
    while (!done() && peek() == '|') {
      ++pos_;
      alt.options.push_back(sequence(depth));
    }
    return alt;
  }

  Sequence sequence(int depth) {
    Sequence seq;
    while (!done() && peek() != '|' && peek() != ')') {
      Piece piece = atom(depth);
      quantifier(piece);
      seq.pieces.push_back(std::move(piece));
    }
    return seq;
  }

  // Code point at pos_ (UTF-8); advances.
  char32_t code_point() {
    const auto c = static_cast<unsigned char>(p_[pos_++]);
    if (c < 0x80) return c;
    const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    char32_t cp = c & (0x3F >> extra);
    for (int i = 0; i < extra && pos_ < p_.size(); ++i) cp = (cp << 6) | (static_cast<unsigned char>(p_[pos_++]) & 0x3F);
    return cp;
  }

  std::optional<std::size_t> number() {
    const std::size_t start = pos_;
    while (pos_ < p_.size() && std::isdigit(static_cast<unsigned char>(p_[pos_]))) ++pos_;
    if (pos_ == start) return std::nullopt;
    const std::string digits_text(p_.substr(start, std::min<std::size_t>(pos_ - start, 9)));
    return static_cast<std::size_t>(std::stoul(digits_text));
  }

  void quantifier(Piece& piece) {
    if (done()) return;
    const char c = peek();
    std::size_t min = 1, max = 1;
    if (c == '*') {
      min = 0, max = kUnbounded, ++pos_;
    } else if (c == '+') {
      min = 1, max = kUnbounded, ++pos_;
    } else if (c == '?') {
      min = 0, max = 1, ++pos_;
    } else if (c == '{') {
      const std::size_t save = pos_++;
      auto lo = number();
      std::optional<std::size_t> hi = lo;
      if (lo && peek() == ',') {
        ++pos_;
        hi = number();
        if (!hi) hi = kUnbounded;
      }
      if (!lo || peek() != '}') {  // not a quantifier: a literal "{" (ECMA-262 Annex B)
        pos_ = save;
        return;
      }
      ++pos_;
      min = *lo, max = *hi;
    } else {
      return;
    }
    if (peek() == '?') ++pos_;  // lazy: the same language
    piece.min = min;
    piece.max = max;
  }

  Piece literal(char32_t c) {
    Piece p;
    p.kind = Piece::Kind::literal;
    p.literal = c;
    return p;
  }

  Piece set_piece(CharSet set) {
    Piece p;
    p.kind = Piece::Kind::set;
    p.set = std::move(set);
    return p;
  }

  std::optional<char32_t> hex(std::size_t n) {
    if (pos_ + n > p_.size()) return std::nullopt;
    char32_t v = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const char c = p_[pos_ + i];
      if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
      v = v * 16 + static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10));
    }
    pos_ += n;
    return v;
  }

  // After a backslash: a set (\d ...), a character, or nothing (\b \B) as `empty`.
  Piece escape(bool in_class) {
    if (pos_ >= p_.size()) {
      fail("the pattern ends with a lone backslash");
      return Piece{};
    }
    const char c = p_[pos_++];
    switch (c) {
      case 'd': return set_piece(digits(false));
      case 'D': return set_piece(digits(true));
      case 'w': return set_piece(word(false));
      case 'W': return set_piece(word(true));
      case 's': return set_piece(space(false));
      case 'S': return set_piece(space(true));
      case 't': return literal('\t');
      case 'n': return literal('\n');
      case 'r': return literal('\r');
      case 'f': return literal('\f');
      case 'v': return literal('\v');
      case '0': return literal(0);
      case 'b':
        if (in_class) return literal('\b');
        return Piece{};
      case 'B': return Piece{};
      case 'x':
        if (auto v = hex(2)) return literal(*v);
        return literal('x');
      case 'u':
        if (auto v = hex(4)) return literal(*v);
        return literal('u');
      case 'c':
        if (pos_ < p_.size() && std::isalpha(static_cast<unsigned char>(p_[pos_]))) return literal(static_cast<char32_t>(p_[pos_++] % 32));
        return literal('c');
      case 'p':
      case 'P':
      case 'k':
        fail(std::string("\\") + c + " (Unicode properties and named back-references) is not supported");
        return Piece{};
      default:
        if (c >= '1' && c <= '9') {
          fail("back-references (\\" + std::string(1, c) + ") are not supported");
          return Piece{};
        }
        --pos_;
        return literal(code_point());
    }
  }

  Piece char_class() {
    CharSet set;
    if (peek() == '^') {
      set.negated = true;
      ++pos_;
    }
    while (!done() && peek() != ']') {
      std::optional<char32_t> lo;
      if (peek() == '\\') {
        ++pos_;
        Piece e = escape(true);
        if (e.kind == Piece::Kind::set) {
          set.subsets.push_back(std::move(e.set));
          continue;
        }
        if (e.kind != Piece::Kind::literal) continue;
        lo = e.literal;
      } else {
        lo = code_point();
      }
      char32_t hi = *lo;
      if (peek() == '-' && pos_ + 1 < p_.size() && p_[pos_ + 1] != ']') {
        ++pos_;
        if (peek() == '\\') {
          ++pos_;
          Piece e = escape(true);
          if (e.kind != Piece::Kind::literal) {  // [a-\d]: "-" is a literal
            set.ranges.push_back({*lo, *lo});
            set.ranges.push_back({'-', '-'});
            if (e.kind == Piece::Kind::set) set.subsets.push_back(std::move(e.set));
            continue;
          }
          hi = e.literal;
        } else {
          hi = code_point();
        }
      }
      set.ranges.push_back({*lo, std::max(*lo, hi)});
    }
    if (peek() != ']') fail("unterminated character class");
    ++pos_;
    return set_piece(std::move(set));
  }

  Piece atom(int depth) {
    const char c = peek();
    if (c == '^' || c == '$') {
      ++pos_;
      return Piece{};
    }
    if (c == '(') {
      ++pos_;
      if (depth >= kMaxGroupNesting) {
        fail("groups nest too deeply");
        return Piece{};
      }
      if (peek() == '?') {
        const std::string_view rest = p_.substr(pos_);
        if (rest.substr(0, 2) == "?:") {
          pos_ += 2;
        } else if (rest.substr(0, 2) == "?=" || rest.substr(0, 2) == "?!" || rest.substr(0, 3) == "?<=" ||
                   rest.substr(0, 3) == "?<!") {
          fail("lookaround assertions (" + std::string(rest.substr(0, rest.substr(0, 2) == "?<" ? 3 : 2)) + "...) are not supported");
          return Piece{};
        } else if (rest.substr(0, 2) == "?<") {
          const std::size_t close = p_.find('>', pos_);
          if (close == std::string_view::npos) {
            fail("unterminated group name");
            return Piece{};
          }
          pos_ = close + 1;
        } else {
          fail("unknown group syntax \"(" + std::string(rest.substr(0, 2)) + "\"");
          return Piece{};
        }
      }
      Piece p;
      p.kind = Piece::Kind::group;
      p.group = std::make_shared<Alternation>(alternation(depth + 1));
      if (peek() != ')') fail("unterminated group");
      ++pos_;
      return p;
    }
    if (c == '[') {
      ++pos_;
      return char_class();
    }
    if (c == '.') {
      ++pos_;
      return set_piece(CharSet{{{'\n', '\n'}, {'\r', '\r'}, {0x2028, 0x2029}}, {}, true});
    }
    if (c == '\\') {
      ++pos_;
      return escape(false);
    }
    if (c == '*' || c == '+' || c == '?') {
      fail(std::string("nothing to repeat before \"") + c + "\"");
      ++pos_;
      return Piece{};
    }
    return literal(code_point());
  }

  std::string_view p_;
  std::size_t pos_ = 0;
  std::optional<std::string> error_;
};

}  // namespace

bool CharSet::contains(char32_t c) const {
  const bool in = std::any_of(ranges.begin(), ranges.end(), [c](const auto& r) { return c >= r.first && c <= r.second; }) ||
                  std::any_of(subsets.begin(), subsets.end(), [c](const CharSet& s) { return s.contains(c); });
  return in != negated;
}

core::Result<Alternation> parse_pattern(std::string_view pattern) { return Parser(pattern).run(); }

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace siraya::mock::generation::schema
