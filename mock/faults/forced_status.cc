#include "mock/faults/forced_status.h"

#include "mock/messages/error_body.h"

namespace siraya::mock::faults {
namespace {

// Values a forced 429 announces; consistent with each other (the request budget is spent and
// refills when retry-after has passed), not with any real accounting.
constexpr int kRequestsPerMinute = 60;
constexpr int kTokensPerMinute = 150000;

}  // namespace

std::string status_message(int status) {
  switch (status) {
    case 400: return "Bad request: invalid or missing parameters";
    case 401: return "Invalid credentials: the API key is missing, malformed or unknown";
    case 402: return "Insufficient credits for this request";
    case 403: return "Input flagged by moderation";
    case 404: return "Not found";
    case 405: return "Method not allowed";
    case 408: return "Request timed out";
    case 413: return "Request body too large";
    case 429: return "Rate limit exceeded: " + std::to_string(kRequestsPerMinute) + " requests per minute";
    case 500: return "Internal server error";
    case 502: return "Upstream provider returned an invalid response";
    case 503: return "No provider available that meets the routing requirements";
    default: return "Error " + std::to_string(status);
  }
}

ResponsePlan endpoint_error_plan(const ApiError& error, const core::Endpoint& endpoint, std::string_view request_id) {
  if (endpoint.name == "messages") return messages::error_plan(error, request_id);
  return error_plan(error);
}

ResponsePlan forced_status_plan(const Directives& d, const core::Endpoint& endpoint, std::string_view request_id,
                                std::string_view cause) {
  const int status = *d.status;
  ApiError error{status, status_message(status) + " (" + std::string(cause) + ")", std::nullopt, {}};
  auto& headers = error.headers;
  std::optional<int> retry_after = d.retry_after;
  if (!retry_after && (status == 429 || status == 503)) retry_after = 1;  // README §3: a small positive value
  if (retry_after) headers.emplace_back("retry-after", std::to_string(*retry_after));
  if (status == 429) {
    const std::string reset = std::to_string(retry_after.value_or(1)) + "s";
    headers.emplace_back("x-ratelimit-limit-requests", std::to_string(kRequestsPerMinute));
    headers.emplace_back("x-ratelimit-remaining-requests", "0");
    headers.emplace_back("x-ratelimit-reset-requests", reset);
    headers.emplace_back("x-ratelimit-limit-tokens", std::to_string(kTokensPerMinute));
    headers.emplace_back("x-ratelimit-remaining-tokens", std::to_string(kTokensPerMinute));
    headers.emplace_back("x-ratelimit-reset-tokens", "0s");
  }
  if (status == 405) headers.emplace_back("Allow", std::string(endpoint.method));
  return endpoint_error_plan(error, endpoint, request_id);
}

}  // namespace siraya::mock::faults
