#pragma once
// CORS for web apps that call the mock straight from a browser (docs/cors.md). Off unless origins
// are configured (--cors-origin). A preflight (OPTIONS with Origin and
// Access-Control-Request-Method) from an allowed origin gets 204 with the Access-Control-Allow-*
// headers, before authentication, as browsers send preflights without credentials; every answer
// to an allowed origin carries Access-Control-Allow-Origin and exposes the headers SDKs read
// (request ids, retry-after, rate limits). A request from any other origin gets the documented
// 400, so a misconfigured web app fails loudly instead of with an opaque browser CORS error.
#include <optional>
#include <string>
#include <vector>

#include "mock/errors.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"

namespace siraya::mock::cors {

class CorsPolicy {
 public:
  // `origins`: exact origins ("http://localhost:5173"), or "*" for any origin (local development).
  explicit CorsPolicy(std::vector<std::string> origins);

  bool enabled() const { return !origins_.empty() || any_; }

  // A preflight's answer (204, or the 400 for a disallowed origin); nullopt when the request is
  // not a preflight or CORS is off.
  std::optional<ResponsePlan> preflight(const Request& request) const;

  // The 400 for a non-preflight request from a disallowed origin; nullopt when allowed, when the
  // request has no Origin (not from a browser), or when CORS is off.
  std::optional<ApiError> refuse(const Request& request) const;

  // Adds Access-Control-Allow-Origin, Vary and Access-Control-Expose-Headers for an allowed origin.
  void decorate(const Request& request, ResponsePlan& plan) const;

 private:
  bool allowed(std::string_view origin) const;

  std::vector<std::string> origins_;
  bool any_ = false;
};

}  // namespace siraya::mock::cors
