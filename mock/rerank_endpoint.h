#pragma once
// POST /v1/rerank (reference embeddings-rerank-models.md §2): documents scored by lexical
// relevance to the query (mock/rerank/relevance.h), deterministic, in [0, 1]. Never streams.
#include "mock/context.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"

namespace siraya::mock {

ResponsePlan handle_rerank(const Context& context, const Request& request);

}  // namespace siraya::mock
