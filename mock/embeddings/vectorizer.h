#pragma once
// Deterministic, meaningful embedding vectors (issue 5 part 1): a text becomes a bag of hashed
// features (words, word pairs, character trigrams of words; function words weigh less), which a
// fixed sparse random projection maps to `dimensions` values; the result has unit length. Texts
// that share words or word parts therefore have a higher cosine similarity than unrelated texts,
// so retrieval built on the mock behaves sensibly.
//
// Vectors depend only on (model id, input, dimensions): not on the mock's seed, so vectors stored
// by an application stay comparable across runs. Different models give unrelated vector spaces.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace siraya::mock::embeddings {

// `dimensions` >= 1. Never the zero vector: a text without word characters is embedded by its bytes.
std::vector<float> embed_text(std::string_view model_id, std::string_view text, std::size_t dimensions);

// Token-id input (embeddings-rerank-models.md §1.1): the ids and id pairs are the features, so it
// is comparable to other token-id inputs, not to text.
std::vector<float> embed_tokens(std::string_view model_id, std::span<const std::int64_t> tokens, std::size_t dimensions);

}  // namespace siraya::mock::embeddings
