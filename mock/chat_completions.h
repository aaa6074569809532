#pragma once
// POST /v1/chat/completions (reference chat-completions.md): validation (400 with `param`),
// deterministic answers, and the JSON or SSE response plan.
#include "mock/context.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"

namespace siraya::mock {

ResponsePlan handle_chat_completions(const Context& context, const Request& request);

}  // namespace siraya::mock
