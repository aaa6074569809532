#include "mock/embeddings/vectorizer.h"

#include <cmath>
#include <string>

#include "mock/embeddings/words.h"
#include "mock/generation/hash.h"

namespace siraya::mock::embeddings {
namespace {

using generation::fnv1a;
using generation::mix64;

// Each feature adds ±weight to this many coordinates: a sparse random projection, which keeps
// the cosine of the feature bags (Achlioptas-style) while filling every coordinate.
constexpr int kSpread = 4;

constexpr double kWordWeight = 1.0;
constexpr double kStopwordWeight = 0.15;
constexpr double kPairWeight = 0.5;
constexpr double kTrigramWeight = 0.35;

class Projection {
 public:
  Projection(std::string_view model_id, std::size_t dimensions)
      : model_key_(fnv1a(model_id)), values_(dimensions, 0.0) {}

  void add(std::string_view kind, std::string_view feature, double weight) {
    generation::Rng rng(mix64(fnv1a(feature, fnv1a(kind, model_key_))));
    for (int k = 0; k < kSpread; ++k) {
      const std::uint64_t r = rng.next();
      const std::size_t index = static_cast<std::size_t>((r >> 1) % values_.size());
      values_[index] += (r & 1) ? weight : -weight;
    }
  }

  std::vector<float> unit_vector(std::string_view fallback) const {
    double norm2 = 0;
    for (double v : values_) norm2 += v * v;
    std::vector<float> out(values_.size(), 0.0f);
    if (norm2 <= 0) {
      // Only if every contribution cancelled out: still a deterministic unit vector.
      out[static_cast<std::size_t>(mix64(fnv1a(fallback, model_key_)) % out.size())] = 1.0f;
      return out;
    }
    const double scale = 1.0 / std::sqrt(norm2);
    for (std::size_t i = 0; i < values_.size(); ++i) out[i] = static_cast<float>(values_[i] * scale);
    return out;
  }

 private:
  std::uint64_t model_key_;
  std::vector<double> values_;
};

}  // namespace

std::vector<float> embed_text(std::string_view model_id, std::string_view text, std::size_t dimensions) {
  Projection p(model_id, dimensions);
  const std::vector<std::string> words = words_of(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool stop = is_stopword(words[i]);
    p.add("w", words[i], stop ? kStopwordWeight : kWordWeight);
    if (i + 1 < words.size()) p.add("p", words[i] + " " + words[i + 1], kPairWeight);
    if (stop) continue;
    for (const auto& g : trigrams_of(words[i])) p.add("g", g, kTrigramWeight);
  }
  if (words.empty()) p.add("b", text, kWordWeight);
  return p.unit_vector(text);
}

std::vector<float> embed_tokens(std::string_view model_id, std::span<const std::int64_t> tokens, std::size_t dimensions) {
  Projection p(model_id, dimensions);
  std::string key;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    p.add("t", std::to_string(tokens[i]), kWordWeight);
    if (i + 1 < tokens.size()) p.add("tp", std::to_string(tokens[i]) + " " + std::to_string(tokens[i + 1]), kPairWeight);
    key += std::to_string(tokens[i]) + ",";
  }
  return p.unit_vector(key);
}

}  // namespace siraya::mock::embeddings
