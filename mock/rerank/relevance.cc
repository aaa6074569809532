#include "mock/rerank/relevance.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "mock/embeddings/words.h"

namespace siraya::mock::rerank {
namespace {

using embeddings::is_stopword;
using embeddings::stem_of;
using embeddings::trigrams_of;
using embeddings::words_of;

constexpr double kCoverageShare = 0.75;  // the rest comes from trigram similarity
constexpr double kSteepness = 10.0;
constexpr double kMidpoint = 0.5;  // raw score that maps to 0.5

// Longer words carry more meaning than short ones.
double weight_of(std::string_view word) { return 1.0 + static_cast<double>(std::min<std::size_t>(word.size(), 10)) / 10.0; }

// Share of the query's (content) words the document has, weighted.
double coverage(const std::vector<std::string>& query_words, const std::vector<std::string>& doc_words) {
  std::set<std::string_view> doc_stems;
  for (const auto& w : doc_words) doc_stems.insert(stem_of(w));
  std::set<std::string_view> terms;
  for (const auto& w : query_words) {
    if (!is_stopword(w)) terms.insert(stem_of(w));
  }
  if (terms.empty()) {
    for (const auto& w : query_words) terms.insert(stem_of(w));
  }
  double total = 0;
  double matched = 0;
  for (auto t : terms) {
    total += weight_of(t);
    if (doc_stems.count(t)) matched += weight_of(t);
  }
  return total > 0 ? matched / total : 0.0;
}

std::map<std::string, int> trigram_bag(const std::vector<std::string>& words) {
  std::map<std::string, int> bag;
  for (const auto& w : words) {
    if (is_stopword(w)) continue;
    for (auto& g : trigrams_of(w)) ++bag[std::move(g)];
  }
  return bag;
}

// Cosine of the two texts' trigram counts; 0 when either has none.
double trigram_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const auto bag_a = trigram_bag(a);
  const auto bag_b = trigram_bag(b);
  double dot = 0, norm_a = 0, norm_b = 0;
  for (const auto& [g, n] : bag_a) {
    norm_a += n * n;
    if (auto it = bag_b.find(g); it != bag_b.end()) dot += n * it->second;
  }
  for (const auto& [g, n] : bag_b) norm_b += n * n;
  return norm_a > 0 && norm_b > 0 ? dot / std::sqrt(norm_a * norm_b) : 0.0;
}

}  // namespace

double relevance(std::string_view query, std::string_view document) {
  const auto query_words = words_of(query);
  const auto doc_words = words_of(document);
  const double raw = kCoverageShare * coverage(query_words, doc_words) +
                     (1.0 - kCoverageShare) * trigram_similarity(query_words, doc_words);
  const double score = 1.0 / (1.0 + std::exp(-kSteepness * (raw - kMidpoint)));
  return std::clamp(score, 0.0, 1.0);
}

}  // namespace siraya::mock::rerank
