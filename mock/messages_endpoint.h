#pragma once
// POST /v1/messages (reference messages.md, Anthropic Messages): validation (400 in the superset
// error body of README §4.3 with `param`), deterministic answers shared with chat generation, and
// the JSON or SSE response plan.
#include "mock/context.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"

namespace siraya::mock {

ResponsePlan handle_messages(const Context& context, const Request& request);

}  // namespace siraya::mock
