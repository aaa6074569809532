#pragma once
// siraya-mock: a fast, deterministic fake of the gateway API. This header is the mock's public
// seam: the siraya-mock executable and the harness (which embeds the mock in-process when no
// base URL is given) start and stop it through it. No httplib type appears here.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

namespace siraya::core::schema {
class Registry;
}

namespace siraya::mock {

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;                 // 0: the OS picks a free port; read it back with port()
  std::uint64_t seed = 0;          // content is a pure function of (seed, request)
  std::vector<std::string> keys;  // accepted API keys; empty: any non-empty key is accepted
  bool strict = false;             // validate every response plan against the response schemas
  std::size_t max_threads = 2048;  // upper bound of the worker pool (one worker per connection)
  std::chrono::seconds keep_alive_timeout{2};
  std::size_t max_body_bytes = 32u << 20;
  // Schemas for request validation and strict mode; nullptr: the embedded registry.
  std::shared_ptr<const core::schema::Registry> schemas;
};

class Server {
 public:
  // Binds and starts serving on background threads; returns once the socket accepts
  // connections, so callers never sleep waiting for readiness. Error ids: mock.bind, mock.schemas.
  static core::Result<std::unique_ptr<Server>> start(Options options);
  virtual ~Server() = default;

  virtual int port() const = 0;
  virtual std::string base_url() const = 0;  // "http://127.0.0.1:<port>/v1"
  virtual void stop() = 0;                   // idempotent; in-flight streams are ended
  virtual void wait() = 0;                   // blocks until stop() has finished
};

}  // namespace siraya::mock
