#pragma once
// --strict: the mock checks its own response plans against the response schemas before sending
// (design.md step 6), so that a mock bug never passes as conformance. A violation replaces the
// plan with a 500 naming the finding and is logged to stderr.
#include <optional>

#include "core/finding.h"
#include "core/schema/registry.h"
#include "mock/errors.h"
#include "mock/http/response_plan.h"

namespace siraya::mock {

// The first violation in `plan`: its body against body_schema, and for streams the SSE framing
// (core/sse/decoder.h findings of severity error) and every event's JSON data except [DONE]
// against event_schema. nullopt when the plan conforms.
std::optional<core::Finding> check_plan(const core::schema::Registry& schemas, const ResponsePlan& plan);

// The 500 that replaces a plan which failed check_plan (logged to stderr), as an error for the
// path's envelope; strict_violation_plan puts it in the gateway envelope.
ApiError strict_violation(const core::Finding& finding);
ResponsePlan strict_violation_plan(const core::Finding& finding);

}  // namespace siraya::mock
