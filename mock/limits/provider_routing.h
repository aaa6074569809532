#pragma once
// The `provider` routing object (chat-completions.md §5) honoured against the catalog's providers
// of the requested model. Stateless and lock-free: it runs on every request, with or without a
// configuration file.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock/catalog.h"
#include "mock/config/config.h"
#include "mock/errors.h"

namespace siraya::mock::limits {

struct Routing {
  std::vector<const Provider*> providers;  // in the order they would be tried
  std::optional<ApiError> error;           // 503 when none qualifies; 502 when all that do are down
};

// `body` is the request; fields of a wrong type are left to request validation (400) and
// ignored here. Semantics: `only` keeps, `ignore` drops the named slugs; data_collection "deny"
// drops the configured collecting providers; require_parameters drops every provider when the
// model lacks one of the request's parameters; `order` puts its slugs first, and with
// allow_fallbacks false nothing else; `sort` "price" orders the rest by prompt+completion price.
// `config` may be null (no providers down, none collecting).
Routing route_providers(const Model& model, const nlohmann::json& body, const config::Config* config);

}  // namespace siraya::mock::limits
