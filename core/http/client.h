#pragma once
// HTTP client used by the harness: the only client-side place that includes httplib.h.
// Two modes: buffered (the whole body) and raw streaming, which keeps every chunk's bytes and
// arrival time exactly as read from the socket (never a library SSE client that hides framing).
// Transport problems (connect, TLS, timeouts) come back as Errors, never as findings.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace siraya::core::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Timeouts {
  std::chrono::milliseconds connect{10'000};
  std::chrono::milliseconds first_byte{60'000};  // request sent -> response headers
  std::chrono::milliseconds idle{30'000};        // longest gap between two body reads
  std::chrono::milliseconds total{300'000};      // request sent -> body complete
};

struct ClientOptions {
  std::string base_url;                // "http://127.0.0.1:8080/v1" or "https://gw.example/v1"
  std::optional<std::string> ca_file;  // PEM bundle; default: the system's trust store
  bool insecure = false;               // skip certificate verification (explicit opt-in only)
  Timeouts timeouts;
};

struct Request {
  std::string method = "GET";
  std::string path;  // appended to the base URL's path: "/chat/completions"
  Headers headers;
  std::string body;
};

struct Chunk {
  std::string bytes;
  std::chrono::nanoseconds arrival{0};  // since the request was sent
};

struct Response {
  int status = 0;
  Headers headers;      // as received; names compared case-insensitively by header()
  std::string body;     // every chunk concatenated
  std::vector<Chunk> chunks;  // streaming mode only
  std::chrono::nanoseconds first_byte{0};
  std::chrono::nanoseconds total{0};

  // First value of a header, case-insensitive; nullopt when absent.
  std::optional<std::string> header(std::string_view name) const;
};

enum class Mode { buffered, streaming };

// Error ids: http.bad_url, http.connect, http.tls, http.timeout.connect,
// http.timeout.first_byte, http.timeout.idle, http.timeout.total, http.read, http.write.
class Client {
 public:
  static Result<std::unique_ptr<Client>> create(ClientOptions options);
  virtual ~Client() = default;
  // Thread-safe: each call uses its own connection.
  virtual Result<Response> send(const Request& request, Mode mode) = 0;
};

}  // namespace siraya::core::http
