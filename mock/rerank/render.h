#pragma once
// The POST /v1/rerank body (embeddings-rerank-models.md §2.2): results sorted by relevance_score
// descending (ties keep the documents' order), each with the document's original index and,
// unless return_documents is false, the document echoed as {"text": ...}.
#include <string>
#include <vector>

#include "mock/rerank/rerank_request.h"

namespace siraya::mock::rerank {

struct RerankMeta {
  std::string id;        // "gen-rerank-..." (README §7)
  std::string provider;  // the serving provider's name
};

// `scores[i]` belongs to request.documents[i].
std::string render_body(const RerankMeta& meta, const RerankRequest& request, const std::vector<double>& scores);

}  // namespace siraya::mock::rerank
