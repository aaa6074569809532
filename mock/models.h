#pragma once
// GET /v1/models (reference embeddings-rerank-models.md §3), served from the catalog
// (mock/catalog.h). Query parameters are ignored (§3.1).
#include <string>

#include "mock/catalog.h"
#include "mock/context.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"

namespace siraya::mock {

ResponsePlan handle_models(const Context& context, const Request& request);

// The list body: per model the OpenAI core (id, object, created, owned_by, §3.2) plus the
// OpenRouter-style extensions the reference lists as seen in the wild (name, context_length,
// architecture, pricing, top_provider, supported_parameters) and the mock's own `type`,
// `dimensions`, `endpoints`, `aliases` and `providers`; models/model_list.json describes them.
std::string model_list_body(const Catalog& catalog);

}  // namespace siraya::mock
