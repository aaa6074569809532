#include "core/http/client.h"

#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_OPENSSL_SUPPORT
#endif
#include <arpa/inet.h>
#include <httplib.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <optional>
#include <system_error>
#include <vector>

#include "core/http/base_url.h"
#include "core/http/transport_error.h"
#include "core/http/watchdog.h"

namespace siraya::core::http {

std::optional<std::string> Response::header(std::string_view name) const {
  const auto equal = [name](const std::string& candidate) {
    return std::equal(candidate.begin(), candidate.end(), name.begin(), name.end(),
                      [](char a, char b) {
                        return std::tolower(static_cast<unsigned char>(a)) ==
                               std::tolower(static_cast<unsigned char>(b));
                      });
  };
  for (const auto& [key, value] : headers) {
    if (equal(key)) return value;
  }
  return std::nullopt;
}

namespace {

void apply_limits(httplib::ClientImpl& cli, const Timeouts& limits) {
  // Backstop only: the watchdog enforces first_byte, idle and total; httplib's per-read timeout
  // must never fire before them, yet must not leave a read blocked forever if the watchdog is late.
  const auto backstop = std::max(std::chrono::milliseconds{0},
                                 std::min(std::max(limits.first_byte, limits.idle), limits.total)) +
                        std::chrono::seconds{1};
  cli.set_connection_timeout(connect_limit(limits));
  cli.set_read_timeout(backstop);
  cli.set_write_timeout(backstop);
}

// RFC 9110 section 5.6.2: token = 1*tchar.
bool is_token(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  });
}

// RFC 9110 section 5.5: a field value never carries CR, LF or NUL (they would split the message).
bool is_field_value(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) == s.npos;
}

// The request target as sent: base path joined with the request path, spaces and non-ASCII bytes
// percent-encoded (RFC 3986 section 2.1); everything else is sent exactly as the suite wrote it,
// which is why httplib's own URL encoding (which also rewrites '+', ',' and ';') is off.
Result<std::string> request_target(const BaseUrl& url, const Request& request) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const std::string joined = url.join(request.path);
  std::string out;
  for (char c : joined) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      return fail("http.bad_url", "request path contains a control character",
                  url.origin() + joined, "percent-encode it in the suite");
    }
    if (byte == ' ' || byte >= 0x80) {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0f];
    } else {
      out += c;
    }
  }
  return out;
}

Result<void> check_request(const BaseUrl& url, const Request& request) {
  const std::string location = url.origin() + url.join(request.path);
  if (!is_token(request.method)) {
    return fail("http.bad_request", "method \"" + request.method + "\" is not an HTTP token",
                location,
                "use GET, POST, PUT, PATCH, DELETE, HEAD or another token (RFC 9110 section 9)");
  }
  for (const auto& [name, value] : request.headers) {
    if (!is_token(name) || !is_field_value(value)) {
      return fail("http.bad_request", "header \"" + name + "\" cannot be sent as written", location,
                  "header names are tokens and values carry no CR, LF or NUL (RFC 9110 section 5)");
    }
  }
  return {};
}

bool is_ip_literal(const BaseUrl& url) {
  unsigned char buf[16];
  return url.ipv6 || ::inet_pton(AF_INET, url.host.c_str(), buf) == 1;
}

// One httplib client, used by one request at a time. Sequential reuse is what httplib's clients
// are made for; it matters for https, where each new SSLClient builds an SSL_CTX and parses the
// whole system trust store (tens of milliseconds of CPU).
struct Transport {
  std::unique_ptr<httplib::ClientImpl> client;
  httplib::SSLClient* ssl = nullptr;  // same object as client, for https
};

class HttplibClient final : public Client {
 public:
  HttplibClient(ClientOptions options, BaseUrl url)
      : options_(std::move(options)), url_(std::move(url)) {}

  Result<Response> send(const Request& request, Mode mode) override;

 private:
  Result<Transport> make_transport() const;
  Result<Transport> take_transport();
  void give_back(Transport transport);

  const ClientOptions options_;
  const BaseUrl url_;
  std::mutex idle_mu_;
  // Transports whose last request succeeded; never more than the peak number of parallel sends.
  std::vector<Transport> idle_;
};

Result<Transport> HttplibClient::take_transport() {
  {
    std::lock_guard lock(idle_mu_);
    if (!idle_.empty()) {
      Transport t = std::move(idle_.back());
      idle_.pop_back();
      return t;
    }
  }
  return make_transport();
}

void HttplibClient::give_back(Transport transport) {
  std::lock_guard lock(idle_mu_);
  idle_.push_back(std::move(transport));
}

Result<Transport> HttplibClient::make_transport() const {
  Transport t;
  if (url_.https) {
    auto ssl = std::make_unique<httplib::SSLClient>(url_.host, url_.port);
    if (!ssl->is_valid()) {
      return fail("http.tls", "could not create a TLS context", url_.to_string(),
                  "check the OpenSSL installation");
    }
    ssl->enable_server_certificate_verification(!options_.insecure);
    if (!options_.insecure) {
      // Without a CA path httplib calls SSL_CTX_set_default_verify_paths: the system trust store
      // (OpenSSL's OPENSSLDIR bundle, or SSL_CERT_FILE / SSL_CERT_DIR when set).
      if (options_.ca_file) ssl->set_ca_cert_path(*options_.ca_file);
      // httplib's own host check falls back to the subject CN even when the certificate has
      // subjectAltNames; OpenSSL's check follows RFC 6125 section 6.4.4 and runs during chain
      // verification, so a mismatch is reported with its reason.
      X509_VERIFY_PARAM* param = SSL_CTX_get0_param(ssl->ssl_context());
      const int ok = is_ip_literal(url_)
                         ? X509_VERIFY_PARAM_set1_ip_asc(param, url_.host.c_str())
                         : X509_VERIFY_PARAM_set1_host(param, url_.host.c_str(), url_.host.size());
      if (ok != 1)
        return fail("http.tls", "could not set the expected host name", url_.to_string(), "");
    }
    t.ssl = ssl.get();
    t.client = std::move(ssl);
  } else {
    t.client = std::make_unique<httplib::ClientImpl>(url_.host, url_.port);
  }
  auto& cli = *t.client;
  apply_limits(cli, options_.timeouts);
  cli.set_decompress(false);  // raw bytes; with it off httplib sends no Accept-Encoding either
  cli.set_url_encode(false);
  cli.set_keep_alive(false);
  cli.set_follow_location(false);
  return t;
}

Result<Response> HttplibClient::send(const Request& request, Mode mode) {
  if (auto checked = check_request(url_, request); !checked)
    return Unexpected<Error>(checked.error());
  auto target = request_target(url_, request);
  if (!target) return Unexpected<Error>(target.error());
  auto transport = take_transport();
  if (!transport) return Unexpected<Error>(transport.error());
  httplib::ClientImpl& cli = *transport->client;

  httplib::Request req;
  req.method = request.method;
  req.path = *target;
  for (const auto& [name, value] : request.headers) req.headers.emplace(name, value);
  if (!req.has_header("Host")) req.headers.emplace("Host", url_.authority());
  if (!request.body.empty() && !req.has_header("Content-Type")) {
    req.headers.emplace("Content-Type", "application/json");
  }
  req.body = request.body;

  Timeouts limits = options_.timeouts;
  if (request.total_timeout) limits.total = *request.total_timeout;
  if (request.connect_timeout) limits.connect = *request.connect_timeout;
  if (request.first_byte_timeout) limits.first_byte = *request.first_byte_timeout;
  if (request.idle_timeout) limits.idle = *request.idle_timeout;
  apply_limits(cli, limits);  // transports are reused: every request sets its own limits
  Response out;
  std::optional<Watchdog> watchdog;
  try {
    watchdog.emplace(limits, [&cli] { cli.stop(); });
  } catch (const std::system_error& e) {
    return fail("http.error", std::string("cannot start the request's timer thread: ") + e.what(),
                url_.origin() + *target, "lower the number of parallel requests");
  }
  // Not called for HEAD and 204/304-style bodiless responses: first_byte then equals total.
  req.response_handler = [&watchdog, &request](const httplib::Response& head) {
    watchdog->headers_received();
    if (request.on_headers) {
      Headers headers;
      for (const auto& [name, value] : head.headers) headers.emplace_back(name, value);
      request.on_headers(head.status, headers);
    }
    return true;
  };
  bool cancelled = false;
  bool too_large = false;
  std::uint64_t received = 0;
  req.content_receiver = [&](const char* data, size_t size, uint64_t, uint64_t) {
    received += size;
    if (received > options_.max_body_bytes) {
      too_large = true;
      return false;
    }
    if (mode == Mode::streaming && request.on_chunk) {
      if (!request.on_chunk(std::string_view(data, size), watchdog->elapsed())) {
        cancelled = true;
        return false;
      }
      return watchdog->body_read(size);
    }
    if (mode == Mode::streaming)
      out.chunks.push_back(Chunk{std::string(data, size), watchdog->elapsed()});
    out.body.append(data, size);
    return watchdog->body_read(size);
  };

  httplib::Response res;
  httplib::Error error = httplib::Error::Success;
  const bool ok = cli.send(req, res, error);
  const auto fired = watchdog->finish();
  out.total = watchdog->elapsed();
  const Attempt attempt{url_, url_.origin() + *target, watchdog->progress(), res.status};
  ERR_clear_error();  // keep this thread's OpenSSL queue clean for the next request

  // A fired limit wins even over a reported success: stopping a close-delimited body looks like
  // its end to httplib.
  if (fired) return Unexpected<Error>(timeout_error(*fired, limits, attempt));
  if (too_large) {
    return fail("http.too_large",
                "the response body passed " + std::to_string(options_.max_body_bytes) + " bytes; the rest was not read",
                attempt.location, "raise the limit (--max-response-bytes) if an answer this large is expected");
  }
  if (cancelled) return fail("http.cancelled", "the request was abandoned while its body arrived", attempt.location, "");
  const bool truncated = !ok && error == httplib::Error::Read && attempt.progress.headers;
  if (!ok && !(truncated && request.keep_truncated)) {
    return Unexpected<Error>(transport_error(error, limits, attempt, transport->ssl));
  }
  out.status = res.status;
  for (const auto& [name, value] : res.headers) out.headers.emplace_back(name, value);
  out.first_byte = attempt.progress.headers ? attempt.progress.first_byte : out.total;
  out.truncated = truncated;
  // The connection is closed after every request (no keep-alive); a transport that saw a failure
  // is dropped rather than trusted with its leftover state.
  if (ok) give_back(std::move(*transport));
  return out;
}

}  // namespace

Result<std::unique_ptr<Client>> Client::create(ClientOptions options) {
  auto url = parse_base_url(options.base_url);
  if (!url) return Unexpected<Error>(url.error());
  if (options.ca_file && !options.insecure) {
    // Fail at start-up, not on the first request: the file must hold at least one certificate.
    X509_STORE* store = X509_STORE_new();
    const bool loaded =
        store != nullptr && X509_STORE_load_file(store, options.ca_file->c_str()) == 1;
    X509_STORE_free(store);
    ERR_clear_error();
    if (!loaded) {
      return fail("http.tls", "cannot load CA certificates from \"" + *options.ca_file + "\"",
                  options.base_url,
                  "--ca-file takes a readable PEM file with one or more certificates");
    }
  }
  return std::unique_ptr<Client>(
      std::make_unique<HttplibClient>(std::move(options), std::move(*url)));
}

}  // namespace siraya::core::http
