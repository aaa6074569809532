#pragma once
// Strings generated from a JSON Schema `pattern`, an ECMAScript regular expression (JSON Schema
// validation §6.3.3, ECMA-262 §22.2). The common subset is understood: literals, escapes
// (\d \w \s and their negations, \t \n \r \xHH \uHHHH, escaped punctuation), classes with ranges
// and negation, ".", groups (capturing and (?:...)), alternation, the quantifiers * + ? {n} {n,}
// {n,m} (greedy or lazy) and the anchors ^ $ \b \B. Lookarounds and back-references are reported
// as unsupported. Matching is std::regex's (as in the validator): bytes, not code points.
#include <cstddef>
#include <functional>
#include <string>

#include "core/result.h"
#include "mock/generation/hash.h"

namespace siraya::mock::generation::schema {

// Longest string the generator builds (minLength beyond it is schema.too_large).
inline constexpr std::size_t kMaxStringLength = 10000;

// The first candidate generated from `pattern` that `accept` takes. Candidates are sampled with
// growing repetition counts until their length (in code points) reaches `min_length`, and padded
// with letters at an end the pattern does not anchor (JSON Schema patterns are unanchored, so
// padding keeps the match). `accept` is the real check (the regex engine, every pattern and
// length bound of the schema); generation here only has to make likely candidates.
// Error id schema.unsupported (an unsupported construct, or no accepted candidate), location "".
core::Result<std::string> string_for_pattern(const std::string& pattern, std::size_t min_length,
                                             std::size_t max_length, Rng& rng,
                                             const std::function<bool(const std::string&)>& accept);

}  // namespace siraya::mock::generation::schema
