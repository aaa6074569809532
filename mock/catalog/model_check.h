#pragma once
// The one place where an endpoint turns the request's `model` into a catalog entry, and checks a
// prompt against the model's context length. Errors are the documented 400
// invalid_request_error (README §4.1-4.2) with `param` naming the field, as chat, responses,
// messages, embeddings and rerank all answer them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "mock/catalog.h"
#include "mock/errors.h"

namespace siraya::mock {

struct ModelLookup {
  const Model* model = nullptr;    // set when there is no error
  std::optional<ApiError> error;   // param "model"
};

// Resolves body.model (an id or alias) for the endpoint at `endpoint_path` ("/v1/embeddings").
// Fails when model is missing, not a string, unknown (the message suggests the closest id), or a
// model that `endpoint_path` does not serve (the message names the models that it does serve).
ModelLookup resolve_model(const nlohmann::json& body, const Catalog& catalog, std::string_view endpoint_path);

// The catalog id nearest to `name` (an unknown model name in a configuration): the id whose part
// after the provider prefix is `name` ("gpt-4o" -> "openai/gpt-4o"), else the id closest by edit
// distance to `name` over ids and aliases. Empty only for an empty catalog.
std::string_view nearest_model_id(const Catalog& catalog, std::string_view name);

// A 400 with `param` when `prompt_tokens` exceed the model's context length (counted with
// mock/generation/token_counter.h).
std::optional<ApiError> check_context_length(const Model& model, std::int64_t prompt_tokens, const std::string& param);
// The same for a model id or alias that resolve_model accepted.
std::optional<ApiError> check_context_length(const Catalog& catalog, std::string_view model, std::int64_t prompt_tokens,
                                             const std::string& param);

}  // namespace siraya::mock
