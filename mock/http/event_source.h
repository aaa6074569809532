#pragma once
// A streamed body that is still arriving while it is sent: a proxied upstream stream
// (mock/record/upstream_proxy.h). The transport pulls chunks from it after the plan's own events
// and writes each one as it comes, so nothing is buffered in between.
#include <optional>
#include <string>

namespace siraya::mock {

class EventSource {
 public:
  virtual ~EventSource() = default;
  // Blocks until the next chunk is there; nullopt once the body has ended (or broke off).
  virtual std::optional<std::string> next() = 0;
  // After next() returned nullopt: whether the body ended properly. false: the transport closes
  // the connection without ending the chunked body, as the upstream did.
  virtual bool complete() const = 0;
};

}  // namespace siraya::mock
