#include "mock/generation/schema/pattern_strings.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "mock/generation/schema/conformance.h"
#include "mock/generation/schema/node.h"
#include "mock/generation/schema/pattern_parser.h"

namespace siraya::mock::generation::schema {
namespace {

constexpr int kMaxAttempts = 48;

// Characters tried for a set, most plausible first.
constexpr std::string_view kAlnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr std::string_view kOther = "_-. @:/+=,;!?#$%&*()[]{}<>|~^'\"`\\\t";

class Sampler {
 public:
  Sampler(Rng& rng, std::size_t stretch, bool minimal) : rng_(rng), stretch_(stretch), minimal_(minimal) {}

  bool alternation(const Alternation& alt, std::string& out) {
    std::size_t pick = 0;
    if (minimal_) {
      std::size_t best = kUnbounded;
      for (std::size_t i = 0; i < alt.options.size(); ++i) {
        const std::size_t len = min_length(alt.options[i]);
        if (len < best) best = len, pick = i;
      }
    } else {
      pick = rng_.below(alt.options.size());
    }
    for (const Piece& p : alt.options[pick].pieces) {
      if (!piece(p, out)) return false;
    }
    return true;
  }

 private:
  static std::size_t min_length(const Sequence& seq) {
    std::size_t n = 0;
    for (const Piece& p : seq.pieces) {
      std::size_t one = p.kind == Piece::Kind::empty ? 0 : 1;
      if (p.kind == Piece::Kind::group) {
        one = kUnbounded;
        for (const auto& o : p.group->options) one = std::min(one, min_length(o));
      }
      n += std::min<std::size_t>(one * p.min, kMaxStringLength);
    }
    return n;
  }

  std::size_t count(const Piece& p) {
    if (minimal_ || p.max == p.min) return p.min;
    const std::size_t span = p.max == kUnbounded ? kMaxStringLength : p.max - p.min;
    std::size_t extra = rng_.below(std::min<std::size_t>(span, 3) + 1) + stretch_;
    return p.min + std::min(extra, span);
  }

  bool piece(const Piece& p, std::string& out) {
    const std::size_t n = std::min(count(p), kMaxStringLength);
    for (std::size_t i = 0; i < n; ++i) {
      if (out.size() > 4 * kMaxStringLength) return true;  // the length check rejects it
      switch (p.kind) {
        case Piece::Kind::empty: return true;
        case Piece::Kind::literal: append_utf8(out, p.literal); break;
        case Piece::Kind::set:
          if (!character(p.set, out)) return false;
          break;
        case Piece::Kind::group:
          if (!alternation(*p.group, out)) return false;
          break;
      }
    }
    return true;
  }

  bool character(const CharSet& set, std::string& out) {
    std::string pool;
    for (char c : kAlnum) {
      if (set.contains(static_cast<unsigned char>(c))) pool.push_back(c);
    }
    if (pool.empty()) {
      for (char c : kOther) {
        if (set.contains(static_cast<unsigned char>(c))) pool.push_back(c);
      }
    }
    if (!pool.empty()) {
      out.push_back(pool[rng_.below(pool.size())]);
      return true;
    }
    // Only characters outside printable ASCII: the first range's start (a space-like or
    // non-ASCII character), or any code point up to U+FFFF the set accepts.
    for (const auto& r : set.ranges) {
      if (set.contains(r.first)) {
        append_utf8(out, r.first);
        return true;
      }
    }
    for (char32_t c = 1; c < 0x10000; ++c) {
      if ((c < 0xD800 || c > 0xDFFF) && set.contains(c)) {
        append_utf8(out, c);
        return true;
      }
    }
    return false;
  }

  Rng& rng_;
  std::size_t stretch_;
  bool minimal_;
};

// Whether `c` occurs outside an escape (inside a class it is a literal, so this over-reports,
// which only forgoes padding).
bool unescaped(std::string_view p, char c) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
      continue;
    }
    if (p[i] == c) return true;
  }
  return false;
}

}  // namespace

core::Result<std::string> string_for_pattern(const std::string& pattern, std::size_t min_length,
                                             std::size_t max_length, Rng& rng,
                                             const std::function<bool(const std::string&)>& accept) {
  auto parsed = parse_pattern(pattern);
  if (!parsed) return forward(parsed.error());
  // Any ^ / $ outside an escape may anchor a branch: pad only where none occurs.
  const bool can_pad_end = !unescaped(pattern, '$');
  const bool can_pad_start = !unescaped(pattern, '^');
  std::size_t stretch = 0, short_at = 0;
  std::optional<std::size_t> long_at;
  bool minimal = false;
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    Sampler sampler(rng, stretch, minimal);
    std::string s;
    if (!sampler.alternation(*parsed, s)) {
      return unsupported("", "pattern \"" + pattern + "\" has a character class no character satisfies");
    }
    std::size_t length = code_points(s);
    if (length < min_length && (can_pad_end || can_pad_start) && min_length <= kMaxStringLength) {
      std::string pad;
      while (length + pad.size() < min_length) pad.push_back(kAlnum[rng.below(26)]);
      s = can_pad_end ? s + pad : pad + s;
      length = min_length;
    }
    if (length >= min_length && length <= max_length && accept(s)) return s;
    // Steer the next candidate's repetitions towards the length window.
    if (length < min_length) {
      short_at = stretch;
      minimal = false;
      stretch = long_at ? (stretch + *long_at + 1) / 2 : std::max<std::size_t>(1, stretch * 2);
    } else if (length > max_length) {
      long_at = stretch;
      if (stretch == 0) {
        minimal = true;
      } else {
        stretch = (short_at + stretch) / 2;
      }
    } else if (attempt >= 3) {
      minimal = attempt % 4 == 0;  // right length, wrong text: vary the choices
    }
    if (stretch > kMaxStringLength) break;
  }
  return unsupported("", "could not generate a string of " + std::to_string(min_length) + ".." +
                             (max_length >= kMaxStringLength * 4 ? std::string("any") : std::to_string(max_length)) +
                             " characters matching the pattern \"" + pattern + "\"");
}

}  // namespace siraya::mock::generation::schema
