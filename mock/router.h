#pragma once
// The request pipeline in front of the endpoints (design.md, "One request through the mock"):
// route by exact path over a fixed table (404 with the nearest known path, 405 with Allow),
// health checks without auth, authentication (401), the x-siraya-mock control header
// (mock/faults/), the endpoint, strict-mode checks, then the header's faults.
#include <optional>
#include <string>
#include <string_view>

#include "mock/context.h"
#include "mock/cors/cors_policy.h"
#include "mock/faults/control.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"
#include "mock/rules/rules_step.h"

namespace siraya::mock {

class Router {
 public:
  explicit Router(Context context) : context_(std::move(context)), cors_(context_.options.cors_origins) {}

  // Never throws: an exception from an endpoint becomes a 500 in the envelope.
  ResponsePlan handle(const Request& request) const;

  const Context& context() const { return context_; }

 private:
  // Sets `control` when the request carries the control header (and the options honour it).
  // Sets `scripted` when a rule matches (mock/rules/rules_step.h).
  ResponsePlan route(const Request& request, std::optional<faults::Control>& control, rules::Scripted& scripted) const;
  // route() with the mock's own 500s, strict checks, faults and the journal; handle() adds CORS.
  ResponsePlan answer(const Request& request) const;

  Context context_;
  cors::CorsPolicy cors_;
};

// The documented path (core::endpoints()) closest to `path` by edit distance.
std::string_view nearest_path(std::string_view path);

}  // namespace siraya::mock
