#pragma once
// POST /v1/embeddings (reference embeddings-rerank-models.md §1): deterministic, unit-length,
// meaningful vectors (mock/embeddings/vectorizer.h) of the model's native size or of
// `dimensions`, as float arrays or base64 float32 (§1.3). Never streams.
#include "mock/context.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"

namespace siraya::mock {

ResponsePlan handle_embeddings(const Context& context, const Request& request);

}  // namespace siraya::mock
