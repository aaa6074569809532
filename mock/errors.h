#pragma once
// The gateway error envelope (reference README §4.1): {"error":{"message","type","param","code"}}
// with `code` equal to the HTTP status and `type` from the suggested table of §4.2.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mock/http/response_plan.h"

namespace siraya::mock {

struct ApiError {
  int status = 400;
  std::string message;
  std::optional<std::string> param;  // the offending request field, e.g. "messages[2].content"
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. Allow on 405
};

// error.type for a status: 400 invalid_request_error, 401 authentication_error,
// 402 insufficient_credits, 403 moderation_error, 404 not_found_error, 405 invalid_request_error,
// 408 timeout_error, 413 request_too_large, 429 rate_limit_error, 500 server_error,
// 502 upstream_error, 503 no_provider_available (README §4.2, suggested values).
std::string_view error_type(int status);

// The JSON text of the envelope.
std::string error_body(const ApiError& error);

// A JSON response plan carrying the envelope, validated against common/error_envelope.json in
// strict mode.
ResponsePlan error_plan(const ApiError& error);

inline ApiError invalid_request(std::string message, std::optional<std::string> param = std::nullopt) {
  return ApiError{400, std::move(message), std::move(param), {}};
}

}  // namespace siraya::mock
