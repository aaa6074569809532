#include "mock/messages/error_body.h"

#include "mock/json_text.h"

namespace siraya::mock::messages {

std::string_view anthropic_error_type(int status) {
  switch (status) {
    case 400: return "invalid_request_error";
    case 401: return "authentication_error";
    case 402: return "billing_error";
    case 403: return "permission_error";
    case 404: return "not_found_error";
    case 408: return "timeout_error";
    case 413: return "request_too_large";
    case 429: return "rate_limit_error";
    case 503: return "overloaded_error";
    case 504: return "timeout_error";
    case 529: return "overloaded_error";
    default: return status >= 500 ? "api_error" : "invalid_request_error";
  }
}

std::string error_body(const ApiError& error, std::string_view request_id) {
  OrderedJson inner;
  inner["type"] = anthropic_error_type(error.status);
  inner["message"] = error.message;
  inner["param"] = error.param ? OrderedJson(*error.param) : OrderedJson(nullptr);
  inner["code"] = error.status;
  OrderedJson body;
  body["type"] = "error";
  body["error"] = std::move(inner);
  body["request_id"] = std::string(request_id);
  return to_json_text(body);
}

ResponsePlan error_plan(const ApiError& error, std::string_view request_id) {
  ResponsePlan plan;
  plan.status = error.status;
  plan.headers = error.headers;
  plan.body = error_body(error, request_id);
  plan.body_schema = "common/anthropic_error.json";
  return plan;
}

}  // namespace siraya::mock::messages
