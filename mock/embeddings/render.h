#pragma once
// The POST /v1/embeddings body (embeddings-rerank-models.md §1.2): one item per input in input
// order, `embedding` as numbers (float32 values, shortest round-trip form) or as base64 (§1.3).
#include <string>
#include <vector>

#include "mock/embeddings/embedding_request.h"

namespace siraya::mock::embeddings {

// `vectors[i]` belongs to request.inputs[i].
std::string render_body(const EmbeddingRequest& request, const std::vector<std::vector<float>>& vectors);

}  // namespace siraya::mock::embeddings
