#include "mock/embeddings/words.h"

#include <algorithm>
#include <array>

namespace siraya::mock::embeddings {
namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Sorted, for binary search.
constexpr std::array<std::string_view, 70> kStopwords = {
    "a",     "about", "all",   "also", "am",    "an",   "and",   "any",   "are",  "as",    "at",   "be",
    "been",  "but",   "by",    "can",  "could", "did",  "do",    "does",  "for",  "from",  "had",  "has",
    "have",  "he",    "her",   "his",  "how",   "i",    "if",    "in",    "into", "is",    "it",   "its",
    "me",    "my",    "no",    "not",  "of",    "on",   "or",    "our",   "she",  "so",    "than", "that",
    "the",   "their", "them",  "then", "there", "they", "this",  "to",    "was",  "we",    "were", "what",
    "when",  "where", "which", "who",  "why",   "will", "with",  "would", "you",  "your"};

}  // namespace

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    std::string word;
    while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) {
      const char c = text[i++];
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    if (!word.empty()) words.push_back(std::move(word));
  }
  return words;
}

bool is_stopword(std::string_view word) { return std::binary_search(kStopwords.begin(), kStopwords.end(), word); }

std::vector<std::string> trigrams_of(std::string_view word) {
  const std::string padded = "<" + std::string(word) + ">";
  std::vector<std::string> out;
  if (padded.size() <= 3) {
    out.push_back(padded);
    return out;
  }
  for (std::size_t i = 0; i + 3 <= padded.size(); ++i) out.push_back(padded.substr(i, 3));
  return out;
}

std::string_view stem_of(std::string_view word) {
  if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') return word.substr(0, word.size() - 1);
  return word;
}

}  // namespace siraya::mock::embeddings
