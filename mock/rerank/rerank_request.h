#pragma once
// POST /v1/rerank request checks (embeddings-rerank-models.md §2.1): every problem is a 400 in the
// envelope with `param` as a path ("documents[2].text", "top_n").
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock/catalog.h"
#include "mock/errors.h"

namespace siraya::mock::rerank {

// Cohere's limit on documents per request.
inline constexpr std::size_t kMaxDocuments = 1000;
// Cohere bills one search unit per query with up to 100 documents.
inline constexpr std::size_t kDocumentsPerSearchUnit = 100;

struct Document {
  std::optional<std::string> text;
  std::optional<std::string> image;  // URL or data URI, for rerankers that accept images
  bool was_string = false;           // given as a plain string
  std::int64_t token_count = 0;
};

struct RerankRequest {
  const Model* model = nullptr;
  std::string model_name;  // as the client sent it; echoed in the response
  std::string query;
  std::int64_t query_tokens = 0;
  std::vector<Document> documents;
  std::size_t top_n = 0;         // clamped to documents.size() (Cohere's behaviour, §2.1)
  bool return_documents = true;  // §2.2 recommendation: include `document` unless false
};

// Checks `body` and fills `out`; `out` is complete only when the result is nullopt.
std::optional<ApiError> read_request(const nlohmann::json& body, const Catalog& catalog, RerankRequest& out);

}  // namespace siraya::mock::rerank
