#pragma once
// POST /v1/responses (reference responses.md, OpenResponses): validation (400 in the gateway
// envelope with `param`), deterministic answers shared with chat generation, and the JSON or SSE
// response plan.
#include "mock/context.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"

namespace siraya::mock {

ResponsePlan handle_responses(const Context& context, const Request& request);

}  // namespace siraya::mock
