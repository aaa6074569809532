#pragma once
// The router's hook for the real causes of errors (reference README §4.2), around the endpoint:
// admit() before it (502 model down / invalid upstream, 503 and 502 from provider routing, 403
// moderation, 408 deadline, 402 spent balance, 429 rate limits), settle() after it (402 when the
// response costs more than the balance, charging, rate-limit headers, simulated latency).
// Without a configuration (`limits` null) only provider routing runs, and no lock is taken.
#include <optional>

#include "core/endpoints.h"
#include "mock/catalog.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"
#include "mock/limits/limits.h"

namespace siraya::mock::limits {

// The per-request deadline header: milliseconds, plain decimal digits, 1 to 600000. It overrides
// the configuration's deadline_ms; a bad value is a 400 naming "header:x-siraya-deadline-ms".
inline constexpr const char* kDeadlineHeader = "x-siraya-deadline-ms";

// nullopt: go on to the endpoint (admission filled in); otherwise the plan to answer with.
// Requests whose body is not JSON, or names no known model, pass to the endpoint for its 400/404
// (rate limits still apply).
std::optional<ResponsePlan> admit(Limits* limits, const Catalog& catalog, const Request& request,
                                  const core::Endpoint& endpoint, Admission& admission);

// Only with `limits`; `plan` is the endpoint's, before any fault directive is applied. A 2xx plan
// is charged (credits and token buckets) from usage_of(plan) when `charge`; the router passes
// false when a fault= directive (header, rule or configuration) will break the body, because a
// broken answer is not charged (docs/mock-config.md, "Credits"). Rate-limit headers and the
// simulated latency are added either way.
void settle(Limits& limits, const Request& request, const core::Endpoint& endpoint, Admission& admission,
            ResponsePlan& plan, bool charge = true);

}  // namespace siraya::mock::limits
