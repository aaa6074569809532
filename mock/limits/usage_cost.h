#pragma once
// What a response used and what it costs (reference README §3, 402: each request costs its usage
// times the catalog price).
#include <cstdint>

#include "mock/catalog.h"
#include "mock/http/response_plan.h"

namespace siraya::mock::limits {

struct Usage {
  std::int64_t input_tokens = 0;
  std::int64_t output_tokens = 0;
  std::int64_t total() const { return input_tokens + output_tokens; }
};

// The usage of a plan: plan.usage when the endpoint set it (the mock's own count, whatever the
// wire carries); else the body's `usage`, or for a stream the largest counts in any event's
// `usage` (chat chunk, responses response.completed, messages message_start/message_delta). Both
// the OpenAI (prompt/completion) and Anthropic/Responses (input/output) names are read.
Usage usage_of(const ResponsePlan& plan);

// USD: input x prompt price + output x completion price + the per-request price, with the first
// provider's pricing when it has its own (the catalog prices are decimal strings per unit).
double cost_of(const Usage& usage, const Model& model, const Provider* provider);

}  // namespace siraya::mock::limits
