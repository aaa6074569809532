#pragma once
// One step of a case: its request with every ${...} resolved, and the judgement of the response
// to it (no I/O): status, headers, body or stream, assertions, timing, with the profile applied.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/endpoints.h"
#include "core/http/client.h"
#include "core/schema/registry.h"
#include "core/sse/event.h"
#include "harness/checks/profile.h"
#include "harness/checks/timing.h"
#include "harness/suite/suite.h"
#include "harness/suite/variables.h"

namespace siraya::harness {

struct PreparedStep {
  core::http::Request request;
  std::optional<nlohmann::json> body;  // the resolved JSON body, when the step has one
  std::vector<Assertion> assertions;   // eq / ne / contains operands resolved
};

// Resolves the step's request and assertion operands. `deferred` names values not captured yet
// (they resolve to ""; see Variables::resolve). Errors carry the step's location and where in it.
core::Result<PreparedStep> prepare_step(const Case& test_case, const Step& step, const Variables& variables,
                                        const std::set<std::string>* deferred = nullptr);

// Streamed when expect.stream names a dialect, or the JSON body has "stream": true.
bool streams(const Step& step, const PreparedStep& prepared);

// The endpoint a step's path addresses (the base URL ends in /v1, paths follow it; a query is
// ignored); nullptr for a path outside the endpoint table.
const core::Endpoint* endpoint_for(const std::string& path);

struct StepVerdict {
  core::Findings findings;                 // the profile applied
  std::optional<nlohmann::json> target;    // the body, or the accumulated message of a stream
  std::vector<core::sse::Event> events;    // a stream's events
  core::StreamDialect dialect = core::StreamDialect::none;  // what the stream was judged as; none for a body
  Timing timing;
};

// `timed`: the response carries real arrival times (false for a saved response judged offline,
// whose timing.* checks would judge nothing but the file).
StepVerdict judge_step(const Step& step, const PreparedStep& prepared, const core::http::Response& response,
                       const core::schema::Registry& schemas, Profile profile, bool timed = true);

}  // namespace siraya::harness
