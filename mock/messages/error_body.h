#pragma once
// Errors on /v1/messages: the superset body of reference README §4.3, read by both SDK families:
// {"type":"error","error":{"type","message","param","code"},"request_id"} with the Anthropic-native
// error.type and code equal to the HTTP status.
#include <string>
#include <string_view>

#include "mock/errors.h"
#include "mock/http/response_plan.h"

namespace siraya::mock::messages {

// Anthropic-native error.type for a status (README §4.2, last columns): 400 invalid_request_error,
// 401 authentication_error, 402 billing_error, 403 permission_error, 404 not_found_error,
// 408/504 timeout_error, 413 request_too_large, 429 rate_limit_error, 503/529 overloaded_error,
// other 5xx api_error.
std::string_view anthropic_error_type(int status);

std::string error_body(const ApiError& error, std::string_view request_id);

// The JSON plan carrying that body; strict mode checks it against common/anthropic_error.json.
ResponsePlan error_plan(const ApiError& error, std::string_view request_id);

}  // namespace siraya::mock::messages
