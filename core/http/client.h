#pragma once
// HTTP client used by the harness: the only client-side place that includes httplib.h.
// Two modes: buffered (the whole body) and raw streaming, which keeps every chunk's bytes and
// arrival time exactly as read from the socket (never a library SSE client that hides framing).
// Transport problems (connect, TLS, timeouts) come back as Errors, never as findings.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
  // A body that grows past this is abandoned with http.too_large: a server that sends without
  // end cannot take the memory of the machine (bodies are kept whole for the checks).
  std::size_t max_body_bytes = std::size_t{256} << 20;
};

struct Request {
  std::string method = "GET";
  std::string path;  // appended to the base URL's path: "/chat/completions"
  Headers headers;
  std::string body;
  // When the peer closes the connection after the headers but before the body is complete
  // (a short Content-Length body or a chunked body without its last chunk), return what arrived
  // as a Response with truncated = true instead of the error http.read. Lets stream checks report
  // a cut-off stream as a finding about the server rather than as a transport error.
  bool keep_truncated = false;
  // Override ClientOptions::timeouts for this request (a suite case's timeouts).
  std::optional<std::chrono::milliseconds> total_timeout;
  std::optional<std::chrono::milliseconds> connect_timeout;
  std::optional<std::chrono::milliseconds> first_byte_timeout;
  std::optional<std::chrono::milliseconds> idle_timeout;
  // Streaming mode, for relaying a body while it arrives (siraya-mock's upstream proxy):
  // on_headers gets the status and headers once they are parsed; on_chunk gets each read as it
  // arrives (then Response::chunks stays empty and Response::body holds nothing), and returning
  // false from it abandons the request with the error http.cancelled.
  std::function<void(int status, const Headers& headers)> on_headers;
  std::function<bool(std::string_view bytes, std::chrono::nanoseconds arrival)> on_chunk;
};

struct Chunk {
  std::string bytes;
  std::chrono::nanoseconds arrival{0};  // since the request was sent
};

struct Response {
  int status = 0;
  Headers headers;      // as received, duplicates kept; grouped by name (case-insensitive) in order
                        // of arrival within a name; names compared case-insensitively by header()
  std::string body;     // every chunk concatenated
  std::vector<Chunk> chunks;  // streaming mode only
  std::chrono::nanoseconds first_byte{0};
  std::chrono::nanoseconds total{0};
  bool truncated = false;  // body cut short by the peer; only with Request::keep_truncated

  // First value of a header, case-insensitive; nullopt when absent.
  std::optional<std::string> header(std::string_view name) const;
};

enum class Mode { buffered, streaming };

// Error ids: http.bad_url, http.bad_request (method or header not sendable), http.connect,
// http.tls, http.timeout.connect, http.timeout.first_byte, http.timeout.idle,
// http.timeout.total, http.too_large, http.read, http.write, http.cancelled, http.error (anything else the transport reports).
// The first_byte and total limits, Chunk::arrival and Response::first_byte/total count from the
// start of the request, connect and TLS handshake included. Bodies are never decompressed and no
// Accept-Encoding is added: the bytes are the server's.
class Client {
 public:
  static Result<std::unique_ptr<Client>> create(ClientOptions options);
  virtual ~Client() = default;
  // Thread-safe: each call uses its own connection.
  virtual Result<Response> send(const Request& request, Mode mode) = 0;
};

}  // namespace siraya::core::http
