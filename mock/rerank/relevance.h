#pragma once
// Lexical relevance of a document to a query, in [0, 1], for POST /v1/rerank
// (embeddings-rerank-models.md §2: Cohere/Jina scores lie in [0, 1], higher = more relevant).
// A pure function of the two texts, so a document's score does not depend on the other
// documents of the request, as with real cross-encoder rerankers.
//
// The score grows with the share of the query's content words that the document contains
// (plural/singular folded, function words only when the query has nothing else) and, to a lesser
// degree, with shared character trigrams (word parts, typos); a logistic curve maps it to [0, 1]
// so that an unrelated document scores near 0 and one that covers the whole query near 1.
#include <string_view>

namespace siraya::mock::rerank {

double relevance(std::string_view query, std::string_view document);

}  // namespace siraya::mock::rerank
