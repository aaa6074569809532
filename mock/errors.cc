#include "mock/errors.h"

#include "mock/json_text.h"

namespace siraya::mock {

std::string_view error_type(int status) {
  switch (status) {
    case 400: return "invalid_request_error";
    case 401: return "authentication_error";
    case 402: return "insufficient_credits";
    case 403: return "moderation_error";
    case 404: return "not_found_error";
    case 405: return "invalid_request_error";
    case 408: return "timeout_error";
    case 413: return "request_too_large";
    case 429: return "rate_limit_error";
    case 502: return "upstream_error";
    case 503: return "no_provider_available";
    default: return status >= 500 ? "server_error" : "invalid_request_error";
  }
}

std::string error_body(const ApiError& error) {
  OrderedJson inner;
  inner["message"] = error.message;
  inner["type"] = error_type(error.status);
  inner["param"] = error.param ? OrderedJson(*error.param) : OrderedJson(nullptr);
  inner["code"] = error.status;
  OrderedJson envelope;
  envelope["error"] = std::move(inner);
  return to_json_text(envelope);
}

ResponsePlan error_plan(const ApiError& error) {
  ResponsePlan plan;
  plan.status = error.status;
  plan.headers = error.headers;
  plan.body = error_body(error);
  plan.body_schema = "common/error_envelope.json";
  return plan;
}

}  // namespace siraya::mock
