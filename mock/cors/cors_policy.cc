#include "mock/cors/cors_policy.h"

#include <algorithm>

namespace siraya::mock::cors {
namespace {

constexpr const char* kAllowMethods = "GET, POST, OPTIONS";
// What the official SDKs send from a browser when the preflight does not list its headers.
constexpr const char* kDefaultAllowHeaders =
    "authorization, content-type, x-api-key, anthropic-version, anthropic-beta, "
    "anthropic-dangerous-direct-browser-access, x-stainless-arch, x-stainless-lang, x-stainless-os, "
    "x-stainless-package-version, x-stainless-retry-count, x-stainless-runtime, x-stainless-runtime-version, "
    "x-stainless-timeout, x-siraya-mock, x-siraya-seed, x-siraya-deadline-ms";
// The response headers clients read: request ids, retry hints, rate limits.
constexpr const char* kExposeHeaders =
    "x-request-id, request-id, retry-after, retry-after-ms, x-should-retry, x-ratelimit-limit-requests, "
    "x-ratelimit-limit-tokens, x-ratelimit-remaining-requests, x-ratelimit-remaining-tokens, "
    "x-ratelimit-reset-requests, x-ratelimit-reset-tokens";
constexpr const char* kMaxAge = "600";

ApiError disallowed(std::string_view origin) {
  return ApiError{400,
                  "Origin " + std::string(origin) +
                      " is not allowed to call this API from a browser; start siraya-mock with --cors-origin " +
                      std::string(origin) + " (or --cors-origin '*' for local development).",
                  std::nullopt, {}};
}

void allow_origin(std::string_view origin, ResponsePlan& plan) {
  plan.headers.emplace_back("Access-Control-Allow-Origin", std::string(origin));
  plan.headers.emplace_back("Vary", "Origin");
}

}  // namespace

CorsPolicy::CorsPolicy(std::vector<std::string> origins) {
  for (auto& o : origins) {
    if (o == "*") {
      any_ = true;
    } else {
      while (!o.empty() && o.back() == '/') o.pop_back();  // "http://localhost:5173/" is the same origin
      origins_.push_back(std::move(o));
    }
  }
}

bool CorsPolicy::allowed(std::string_view origin) const {
  return any_ || std::find(origins_.begin(), origins_.end(), origin) != origins_.end();
}

std::optional<ResponsePlan> CorsPolicy::preflight(const Request& request) const {
  if (!enabled() || request.method != "OPTIONS") return std::nullopt;
  const auto origin = request.header("origin");
  if (!origin || !request.header("access-control-request-method")) return std::nullopt;
  if (!allowed(*origin)) return error_plan(disallowed(*origin));
  ResponsePlan plan;
  plan.status = 204;
  allow_origin(*origin, plan);
  plan.headers.emplace_back("Access-Control-Allow-Methods", kAllowMethods);
  const auto asked = request.header("access-control-request-headers");
  plan.headers.emplace_back("Access-Control-Allow-Headers", asked && !asked->empty() ? std::string(*asked) : kDefaultAllowHeaders);
  plan.headers.emplace_back("Access-Control-Max-Age", kMaxAge);
  return plan;
}

std::optional<ApiError> CorsPolicy::refuse(const Request& request) const {
  if (!enabled()) return std::nullopt;
  const auto origin = request.header("origin");
  if (!origin || allowed(*origin)) return std::nullopt;
  return disallowed(*origin);
}

void CorsPolicy::decorate(const Request& request, ResponsePlan& plan) const {
  if (!enabled()) return;
  const auto origin = request.header("origin");
  if (!origin || !allowed(*origin)) return;
  allow_origin(*origin, plan);
  plan.headers.emplace_back("Access-Control-Expose-Headers", kExposeHeaders);
}

}  // namespace siraya::mock::cors
