#include "mock/router.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <vector>

#include "core/endpoints.h"
#include "core/text/edit_distance.h"
#include "mock/admin/admin_api.h"
#include "mock/auth.h"
#include "mock/chat_completions.h"
#include "mock/embeddings_endpoint.h"
#include "mock/errors.h"
#include "mock/faults/control.h"
#include "mock/limits/gate.h"
#include "mock/messages/error_body.h"
#include "mock/messages_endpoint.h"
#include "mock/models.h"
#include "mock/path_normalization.h"
#include "mock/request_seed.h"
#include "mock/rerank_endpoint.h"
#include "mock/responses_endpoint.h"
#include "mock/strict.h"

namespace siraya::mock {
namespace {

using EndpointHandler = ResponsePlan (*)(const Context&, const Request&);

// Endpoints implemented by this version; the others in core::endpoints() answer 404 "not
// implemented" so that a client learns the path is right but the mock cannot serve it yet.
EndpointHandler handler_for(std::string_view endpoint_name) {
  if (endpoint_name == "models") return &handle_models;
  if (endpoint_name == "chat_completions") return &handle_chat_completions;
  if (endpoint_name == "embeddings") return &handle_embeddings;
  if (endpoint_name == "rerank") return &handle_rerank;
  if (endpoint_name == "responses") return &handle_responses;
  if (endpoint_name == "messages") return &handle_messages;
  return nullptr;
}

bool is_health_path(std::string_view path) { return path == "/health" || path == "/healthz"; }

bool is_admin_path(std::string_view path) { return path.substr(0, admin::kPrefix.size()) == admin::kPrefix; }

// HEAD is served like GET (RFC 9110 §9.3.2).
bool method_matches(std::string_view allowed, std::string_view method) {
  return method == allowed || (allowed == "GET" && method == "HEAD");
}

ApiError method_not_allowed(std::string_view method, std::string_view path, std::string_view allowed) {
  ApiError e{405, "Method " + std::string(method) + " is not allowed on " + std::string(path) + "; use " +
                      std::string(allowed) + ".",
             std::nullopt, {}};
  e.headers.emplace_back("Allow", std::string(allowed));
  return e;
}

// /v1/messages answers every error in the superset body (reference README §4.3), including a
// path an Anthropic SDK built from a base URL ending in /v1 (/v1/v1/messages), whose nearest
// known path is /v1/messages.
ResponsePlan path_error_plan(const ApiError& error, std::string_view path, std::string_view request_id) {
  if (path == "/v1/messages" || nearest_path(path) == "/v1/messages") return messages::error_plan(error, request_id);
  return error_plan(error);
}

ApiError unknown_path(std::string_view path) {
  std::string message = "Unknown path " + std::string(path) + "; did you mean " + std::string(nearest_path(path)) + "?";
  // reference README §1: the Anthropic SDKs append /v1/messages to the base URL themselves.
  if (path.substr(0, 7) == "/v1/v1/") message += " (Anthropic SDKs add /v1 themselves: use a base URL without /v1.)";
  return ApiError{404, std::move(message), std::nullopt, {}};
}

}  // namespace

std::string_view nearest_path(std::string_view path) {
  std::string_view best;
  std::size_t best_distance = SIZE_MAX;
  for (const auto& e : core::endpoints()) {
    const std::size_t d = core::edit_distance(path, e.path);
    if (d < best_distance) {
      best_distance = d;
      best = e.path;
    }
  }
  return best;
}

ResponsePlan Router::route(const Request& request, std::optional<faults::Control>& control,
                           rules::Scripted& scripted) const {
  if (is_health_path(request.path)) {
    if (!method_matches("GET", request.method)) return error_plan(method_not_allowed(request.method, request.path, "GET"));
    ResponsePlan plan;
    plan.body = R"({"status":"ok"})";
    return plan;
  }
  if (context_.journal && is_admin_path(request.path)) {  // off (404 below) without --admin-token
    return admin::handle_admin({context_.options.admin_token, *context_.rules, *context_.journal, *context_.schemas,
                                context_.limits.get(), context_.configured_faults.get()},
                               request);
  }
  if (auto refused = refuse_websocket(request)) return path_error_plan(*refused, request.path, request.request_id);
  const core::Endpoint* endpoint = core::find_endpoint_by_path(request.path);
  if (context_.proxy) {  // record mode: the upstream answers, errors and unknown paths included
    auto relayed = context_.proxy->forward(request, endpoint);
    if (relayed) return std::move(*relayed);
    return path_error_plan(ApiError{502, "siraya-mock got no answer from the upstream: " + relayed.error().message,
                                    std::nullopt, {}},
                           request.path, request.request_id);
  }
  if (!endpoint) return path_error_plan(unknown_path(request.path), request.path, request.request_id);
  if (!method_matches(endpoint->method, request.method)) {
    const ApiError error = method_not_allowed(request.method, request.path, endpoint->method);
    // /v1/messages answers every error in the superset body (reference README §4.3).
    if (endpoint->name == "messages") return messages::error_plan(error, request.request_id);
    return error_plan(error);
  }
  const EndpointHandler handler = handler_for(endpoint->name);
  if (!handler) {
    return error_plan(ApiError{404,
                               std::string(endpoint->method) + " " + std::string(endpoint->path) +
                                   " is documented but not implemented by this version of siraya-mock.",
                               std::nullopt, {}});
  }
  if (auto denied = authenticate(request, context_.options.keys)) {
    // /v1/messages answers every error in the superset body (reference README §4.3).
    if (endpoint->name == "messages") return messages::error_plan(*denied, request.request_id);
    return error_plan(*denied);
  }
  std::uint64_t seed = context_.options.seed;
  if (auto bad_seed = read_request_seed(request, context_.options.seed, seed)) {
    if (endpoint->name == "messages") return messages::error_plan(*bad_seed, request.request_id);
    return error_plan(*bad_seed);
  }
  if (context_.options.control_header) {
    if (auto answer = faults::read_control(request, *endpoint, seed, control)) return *answer;
  }
  if (auto answer = rules::apply_rules(*context_.rules, context_.options.strict_rules, context_.options.replay_speed, request, *endpoint, seed, control,
                                       scripted)) {
    return *answer;
  }
  // The configuration's faults, unless the header or the rule set directives already.
  if (context_.configured_faults) {
    if (auto answer = context_.configured_faults->apply(request, *endpoint, *context_.catalog, seed, control)) {
      return *answer;
    }
  }
  // Real causes of 402/403/408/429/502/503 (mock/limits/gate.h), around the endpoint.
  limits::Admission admission;
  if (auto answer = limits::admit(context_.limits.get(), *context_.catalog, request, *endpoint, admission)) {
    return *answer;
  }
  ResponsePlan plan;
  // x-siraya-seed, or a rule's content: this request sees its own seed and scripted answer.
  if (seed != context_.options.seed || scripted.content()) {
    Context seeded = context_;
    seeded.options.seed = seed;
    seeded.scripted = scripted.content();
    plan = handler(seeded, request);
  } else {
    plan = handler(context_, request);
  }
  // A body that a fault will break is not charged (docs/mock-config.md, "Credits").
  const bool broken = control && control->directives.fault != faults::FaultKind::none;
  if (context_.limits) limits::settle(*context_.limits, request, *endpoint, admission, plan, !broken);
  return plan;
}

ResponsePlan Router::handle(const Request& request) const {
  // What CORS answers by itself is journaled too, so a test can see what a browser was told.
  const auto journaled = [this, &request](ResponsePlan plan) {
    if (context_.journal && !is_admin_path(request.path)) context_.journal->record(request, plan, {});
    return plan;
  };
  // CORS first: a browser's preflight carries no credentials (docs/cors.md).
  if (auto preflight = cors_.preflight(request)) {
    if (preflight->status >= 400) {
      return journaled(path_error_plan(*cors_.refuse(request), request.path, request.request_id));
    }
    return journaled(std::move(*preflight));
  }
  if (auto refused = cors_.refuse(request)) {
    return journaled(path_error_plan(*refused, request.path, request.request_id));
  }
  ResponsePlan plan = answer(request);
  cors_.decorate(request, plan);
  return plan;
}

ResponsePlan Router::answer(const Request& request) const {
  // The mock's own 500s use the envelope of the path, like every other error there.
  const auto fail = [&request](const ApiError& error) {
    return path_error_plan(error, request.path, request.request_id);
  };
  ResponsePlan plan;
  std::optional<faults::Control> control;
  rules::Scripted scripted;
  try {
    plan = route(request, control, scripted);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "siraya-mock: internal error on %s %s: %s\n", request.method.c_str(), request.path.c_str(), e.what());
    return fail(ApiError{500, std::string("siraya-mock internal error: ") + e.what(), std::nullopt, {}});
  } catch (...) {
    std::fprintf(stderr, "siraya-mock: internal error on %s %s\n", request.method.c_str(), request.path.c_str());
    return fail(ApiError{500, "siraya-mock internal error", std::nullopt, {}});
  }
  if (context_.options.strict) {
    if (auto finding = check_plan(*context_.schemas, plan)) return fail(strict_violation(*finding));
  }
  if (control) {
    try {
      faults::apply_control(*control, request, plan);  // after strict: faults break plans on purpose
    } catch (const std::exception& e) {
      return fail(ApiError{500, std::string("siraya-mock internal error: ") + e.what(), std::nullopt, {}});
    }
  }
  if (context_.journal && !is_admin_path(request.path)) {
    context_.journal->record(request, plan, scripted.rule ? std::string_view(scripted.rule->name) : std::string_view());
  }
  return plan;
}

}  // namespace siraya::mock
