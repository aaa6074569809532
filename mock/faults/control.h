#pragma once
// The router's hook for the x-siraya-mock control header (docs/faults.md): read before the
// endpoint runs (design.md, "One request through the mock", step 4), applied to the plan after
// it (step 7, after strict mode: faults break plans on purpose).
#include <cstdint>
#include <optional>

#include "core/endpoints.h"
#include "mock/faults/directives.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"

namespace siraya::mock::faults {

struct Control {
  Directives directives;
  const core::Endpoint* endpoint = nullptr;
  std::uint64_t jitter_seed = 0;  // a function of (server seed, request body)
};

// Reads every x-siraya-mock header of `request` (repeated lines count as one list). Absent: parses
// nothing, returns nullopt and leaves `control` empty. Otherwise returns the plan to answer with
// instead of the endpoint's: a 400 whose param is "header:x-siraya-mock" for a bad header, or the
// forced error of status=; or nullopt and sets `control` for apply_control().
std::optional<ResponsePlan> read_control(const Request& request, const core::Endpoint& endpoint, std::uint64_t seed,
                                         std::optional<Control>& control);

// Applies the directives to the plan the endpoint (or read_control) made; a directive that needs
// a stream on a buffered 2xx turns the plan into the 400 for the header.
void apply_control(const Control& control, const Request& request, ResponsePlan& plan);

}  // namespace siraya::mock::faults
