#pragma once
// The configuration file's faults (docs/mock-config.md, "Faults"): directives of the
// x-siraya-mock vocabulary (docs/faults.md) given to a share of the matching requests. They sit
// in step 4 of design.md ("One request through the mock") after the header and the rules, which
// replace them, and feed the same Control as the header, so apply_control() treats them alike.
//
// The draw is reproducible: for fault i and a request, the k-th time the server sees the same
// (seed, body) the value is a pure function of (seed, body, i, k); the first draw of a request
// is the same on every run, and a retry of it (same body) gets a fresh one. Thread-safe.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/endpoints.h"
#include "mock/catalog.h"
#include "mock/config/config.h"
#include "mock/faults/control.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"

namespace siraya::mock::faults {

class ConfiguredFaults {
 public:
  // Past this many distinct (fault, request) pairs the counts start over, so memory stays bounded.
  static constexpr std::size_t kMaxTracked = std::size_t{1} << 16;

  explicit ConfiguredFaults(std::vector<config::ConfiguredFault> faults) : faults_(std::move(faults)) {}

  bool empty() const { return faults_.empty(); }

  // Nothing when `control` is already set (by the header or a rule). Otherwise tries the faults
  // in order: one applies when the endpoint and model match, its directives can act on this
  // response (stream-only ones are dropped on a buffered request, as for rules: for_transport)
  // and its draw is below its probability. The first that applies sets `control`; with status=
  // its error plan is returned, to answer before the limits and the endpoint.
  std::optional<ResponsePlan> apply(const Request& request, const core::Endpoint& endpoint, const Catalog& catalog,
                                    std::uint64_t seed, std::optional<Control>& control);

  // Forgets how often each request was seen (POST /__admin/reset): the draws start over.
  void reset();

  // The draw in [0, 1) of fault `index` the `occurrence`-th time (0, 1, ...) a request with this
  // seed and body is seen.
  static double draw(std::uint64_t seed, std::string_view body, std::size_t index, std::uint64_t occurrence);

 private:
  std::uint64_t next_occurrence(std::size_t index, std::uint64_t request_key);

  const std::vector<config::ConfiguredFault> faults_;
  std::mutex mutex_;
  std::map<std::pair<std::size_t, std::uint64_t>, std::uint64_t> seen_;  // (fault, request key) -> draws so far
};

}  // namespace siraya::mock::faults
