#pragma once
// The configuration's model names, checked against the catalog the server serves: a name the
// catalog does not know would otherwise never match and silently do nothing (a model "down" that
// answers, a latency profile never applied). Runs when the server starts, once the catalog (the
// built-in one, the configuration's "catalog" or --catalog) is loaded.
#include "core/result.h"
#include "mock/catalog.h"
#include "mock/config/config.h"

namespace siraya::mock::config {

// Every model name must be a catalog id or alias: upstreams.down_models, upstreams.invalid_models,
// moderation.models and latency keys (both besides "*"), rate_limits.models keys and
// faults[].match.model. Error id mock.config, every unknown name reported at its pointer in
// config.source with the nearest catalog id (docs/mock-config.md).
core::Result<void> check_model_names(const Config& config, const Catalog& catalog);

}  // namespace siraya::mock::config
