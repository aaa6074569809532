#pragma once
// Deterministic English-looking prose for generated answers. Plausible rather than meaningful:
// sentences built from part-of-speech patterns over fixed word lists, so output is stable across
// platforms and versions of the standard library.
#include <cstddef>
#include <string>
#include <string_view>

#include "mock/generation/hash.h"

namespace siraya::mock::generation {

// Whole sentences, each capitalised and ending in '.', joined by single spaces, until at least
// `min_words` words have been written (one sentence adds at most 14).
std::string prose(Rng& rng, std::size_t min_words);

// `n` lower-case words joined by single spaces, no punctuation (e.g. for string values).
std::string words(Rng& rng, std::size_t n);

// One capitalised noun-like word (e.g. a name or a city-like value).
std::string_view proper_noun(Rng& rng);

}  // namespace siraya::mock::generation
