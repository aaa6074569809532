#pragma once
// status=<s>: the documented error for that status, answered before the endpoint runs and before
// any byte of a stream (reference README §4.4), with the headers the SDKs read (README §3).
#include <string>
#include <string_view>

#include "core/endpoints.h"
#include "mock/errors.h"
#include "mock/faults/directives.h"
#include "mock/http/response_plan.h"

namespace siraya::mock::faults {

// The documented cause of a status (README §4.2), as a message: "Rate limit exceeded: ...".
std::string status_message(int status);

// `error` in the envelope `endpoint` answers with: the superset body on /v1/messages (README
// §4.3), the gateway envelope everywhere else (§4.1).
ResponsePlan endpoint_error_plan(const ApiError& error, const core::Endpoint& endpoint, std::string_view request_id);

// The plan for directives.status (which must be set). Headers: 429 retry-after (default 1) and
// x-ratelimit-{limit,remaining,reset}-{requests,tokens}; 503 retry-after (default 1); 405 Allow;
// retry-after= sets or adds retry-after on any status. The message is the documented cause
// followed by "(<cause>)".
ResponsePlan forced_status_plan(const Directives& directives, const core::Endpoint& endpoint,
                                std::string_view request_id,
                                std::string_view cause = "forced by the x-siraya-mock header");

}  // namespace siraya::mock::faults
