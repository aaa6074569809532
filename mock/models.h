#pragma once
// GET /v1/models (reference embeddings-rerank-models.md §3). Query parameters are ignored.
#include "mock/context.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"

namespace siraya::mock {

ResponsePlan handle_models(const Context& context, const Request& request);

}  // namespace siraya::mock
