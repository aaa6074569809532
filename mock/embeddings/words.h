#pragma once
// The lexical view of text shared by the embedding vectors and the rerank scores: lower-cased
// words, common English function words, and character trigrams. Deterministic and
// locale-independent: only ASCII letters are case-folded, bytes >= 0x80 count as word characters
// so UTF-8 words stay whole.
#include <string>
#include <string_view>
#include <vector>

namespace siraya::mock::embeddings {

// Maximal runs of ASCII letters, digits and bytes >= 0x80, ASCII lower-cased, in text order.
std::vector<std::string> words_of(std::string_view text);

// A closed list of English function words ("the", "is", "of", ...), which say little about a
// text's topic and so weigh less.
bool is_stopword(std::string_view word);

// The trigrams of "<word>" ("<ri", "riv", "ive", "ver", "er>"); a word of one letter gives "<a>".
std::vector<std::string> trigrams_of(std::string_view word);

// The word without a plural or third-person "s" ("rivers" -> "river"); words of 3 letters or fewer
// and words ending in "ss" are kept.
std::string_view stem_of(std::string_view word);

}  // namespace siraya::mock::embeddings
