#pragma once
// The transport: cpp-httplib tuned per perf-notes.md, behind a seam so that nothing else in the
// mock sees an httplib type. It turns each HTTP request into a Request, asks the handler for a
// ResponsePlan and writes the plan out: a buffered body, or SSE events through a chunked body,
// one write per event. Every response carries x-request-id and request-id (reference README §3).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"

namespace siraya::mock {

class TlsContext;  // mock/http/tls_context.h

struct HttpConfig {
  std::string host = "127.0.0.1";
  int port = 0;                      // 0: the OS picks
  std::size_t max_threads = 2048;
  std::chrono::seconds keep_alive_timeout{2};
  std::chrono::milliseconds io_timeout{30'000};  // per read and per write of one request
  std::size_t max_body_bytes = 32u << 20;
  std::uint64_t seed = 0;            // request ids are a function of (seed, request counter)
  std::shared_ptr<const TlsContext> tls;  // HTTPS with this identity; nullptr: plain HTTP
};

class HttpServer {
 public:
  using Handler = std::function<ResponsePlan(const Request&)>;

  // Binds and listens (backlog 4096). Error id mock.bind.
  static core::Result<std::unique_ptr<HttpServer>> bind(const HttpConfig& config, Handler handler);
  virtual ~HttpServer() = default;

  virtual int port() const = 0;
  // Accepts connections on a background thread. Connecting already works once bind() returned:
  // the kernel completes handshakes into the listen backlog.
  virtual void start() = 0;
  // Closes the listening socket, ends idle keep-alive connections and open streams, joins every
  // thread. Idempotent.
  virtual void stop() = 0;
};

}  // namespace siraya::mock
