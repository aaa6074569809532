#pragma once
// The request pipeline in front of the endpoints (design.md, "One request through the mock"):
// route by exact path over a fixed table (404 with the nearest known path, 405 with Allow),
// health checks without auth, authentication (401), the endpoint, then strict-mode checks.
#include <string>
#include <string_view>

#include "mock/context.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"

namespace siraya::mock {

class Router {
 public:
  explicit Router(Context context) : context_(std::move(context)) {}

  // Never throws: an exception from an endpoint becomes a 500 in the envelope.
  ResponsePlan handle(const Request& request) const;

  const Context& context() const { return context_; }

 private:
  ResponsePlan route(const Request& request) const;

  Context context_;
};

// The documented path (core::endpoints()) closest to `path` by edit distance.
std::string_view nearest_path(std::string_view path);

}  // namespace siraya::mock
