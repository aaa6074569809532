#pragma once
// Record mode (siraya-mock --upstream URL [--record-to DIR], docs/record-replay.md): every API
// request is sent on to a real gateway and its answer relayed back unchanged: the status, the
// headers (less hop-by-hop ones) and the body, a stream chunk by chunk as it arrives (never
// buffered). With a recording folder, each completed exchange on a documented endpoint is also
// written there as a rules file that replays it (fixture_writer.h), credentials redacted.
#include <memory>
#include <string>

#include "core/endpoints.h"
#include "core/result.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"
#include "mock/server.h"

namespace siraya::mock::record {

class UpstreamProxy {
 public:
  // From Options' upstream_* and record_dir. Error id mock.upstream (a bad URL or folder).
  static core::Result<std::shared_ptr<const UpstreamProxy>> create(const Options& options);
  virtual ~UpstreamProxy() = default;

  // The upstream's answer to `request`; `endpoint` is nullptr for a path the API does not
  // document (relayed, not recorded). An error when the upstream cannot be reached or broke off
  // before its headers (the router answers 502).
  virtual core::Result<ResponsePlan> forward(const Request& request, const core::Endpoint* endpoint) const = 0;
};

}  // namespace siraya::mock::record
