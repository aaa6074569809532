#pragma once
// POST /v1/embeddings request checks (embeddings-rerank-models.md §1.1): every problem is a 400
// in the envelope with `param` as a path ("input[3]", "dimensions").
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock/catalog.h"
#include "mock/errors.h"

namespace siraya::mock::embeddings {

// OpenAI's limits (§1.1): batch size and the sum of all inputs' tokens.
inline constexpr std::size_t kMaxInputs = 2048;
inline constexpr std::int64_t kMaxTotalTokens = 300000;
// Token ids must name a token of o200k_base (0 ... 200018, special tokens included).
inline constexpr std::int64_t kMaxTokenId = 200018;

struct EmbeddingInput {
  bool is_tokens = false;
  std::string text;                   // !is_tokens
  std::vector<std::int64_t> tokens;   // is_tokens
  std::int64_t token_count = 0;       // o200k count of text, or tokens.size()
};

struct EmbeddingRequest {
  const Model* model = nullptr;
  std::string model_name;  // as the client sent it (an id or an alias); echoed in the response
  std::vector<EmbeddingInput> inputs;
  bool base64 = false;          // encoding_format "base64"
  std::size_t dimensions = 0;   // requested, else the model's native size
  std::int64_t prompt_tokens = 0;
};

// Checks `body` and fills `out`; `out` is complete only when the result is nullopt.
std::optional<ApiError> read_request(const nlohmann::json& body, const Catalog& catalog, EmbeddingRequest& out);

}  // namespace siraya::mock::embeddings
