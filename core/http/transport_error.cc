#include "core/http/transport_error.h"

#include <openssl/err.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cstdint>

namespace siraya::core::http {
namespace {

std::string ms(std::chrono::milliseconds d) { return std::to_string(d.count()) + " ms"; }

std::string count(std::uint64_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// "status 200 and 12 body bytes in 3 reads", or "no response headers".
std::string received(const Attempt& a) {
  if (!a.progress.headers) return "no response headers";
  return "status " + std::to_string(a.status) + " and " +
         count(a.progress.body_bytes, "body byte") + " in " + count(a.progress.body_reads, "read");
}

Error make(std::string id, std::string message, const Attempt& a, std::string fix) {
  return Error{std::move(id), std::move(message), a.location, std::move(fix)};
}

// The last OpenSSL error of this thread, e.g. "wrong version number"; empty when none.
std::string openssl_reason() {
  const unsigned long code = ERR_peek_last_error();
  if (code == 0) return {};
  const char* reason = ERR_reason_error_string(code);
  return reason != nullptr ? reason : std::string{};
}

Error tls_error(httplib::Error error, const Attempt& a, const httplib::SSLClient* ssl) {
  const std::string fix =
      "pass --ca-file with the CA that signed the server certificate, or "
      "--insecure to skip verification in test setups";
  if (error == httplib::Error::SSLLoadingCerts) {
    return make("http.tls", "could not load the CA certificates", a, fix);
  }
  if (error == httplib::Error::SSLServerVerification) {
    const long result = ssl != nullptr ? ssl->get_openssl_verify_result() : X509_V_OK;
    const std::string why = result != X509_V_OK
                                ? X509_verify_cert_error_string(result)
                                : "the certificate does not name host " + a.url.host;
    return make("http.tls", "certificate of " + a.url.host_port() + " rejected: " + why, a, fix);
  }
  std::string reason = openssl_reason();
  return make("http.tls",
              "TLS handshake with " + a.url.host_port() + " failed" +
                  (reason.empty() ? std::string{} : ": " + reason),
              a, "check that the server speaks TLS on this port, or use http://; otherwise " + fix);
}

}  // namespace

std::chrono::milliseconds connect_limit(const Timeouts& limits) {
  return std::max(std::chrono::milliseconds{0},
                  std::min({limits.connect, limits.first_byte, limits.total}));
}

Error timeout_error(Limit limit, const Timeouts& limits, const Attempt& a) {
  switch (limit) {
    case Limit::first_byte:
      return make("http.timeout.first_byte",
                  "no response headers within " + ms(limits.first_byte) + " (first-byte timeout)",
                  a, "check that the server answers this request, or raise the first-byte timeout");
    case Limit::idle:
      return make("http.timeout.idle",
                  "no body bytes for " + ms(limits.idle) + " (idle timeout) after " + received(a),
                  a, "check that the server keeps sending, or raise the idle timeout");
    case Limit::total:
      break;
  }
  return make("http.timeout.total",
              "response not complete within " + ms(limits.total) + " (total timeout); received " +
                  received(a),
              a, "check that the server finishes the response, or raise the total timeout");
}

Error transport_error(httplib::Error error, const Timeouts& limits, const Attempt& a,
                      const httplib::SSLClient* ssl) {
  using E = httplib::Error;
  switch (error) {
    case E::Connection:
      return make("http.connect",
                  "could not connect to " + a.url.host_port() +
                      " (connection refused, host unreachable or name not resolved)",
                  a, "check the host and port of the base URL and that the server is running");
    case E::ConnectionTimeout: {
      const auto limit = connect_limit(limits);
      if (limit == limits.connect) {
        return make(
            "http.timeout.connect",
            "no connection to " + a.url.host_port() + " within " + ms(limit) + " (connect timeout)",
            a,
            "check that the host is reachable (firewall, address), or raise the connect timeout");
      }
      return timeout_error(limit == limits.first_byte ? Limit::first_byte : Limit::total, limits,
                           a);
    }
    case E::SSLConnection:
    case E::SSLLoadingCerts:
    case E::SSLServerVerification:
      return tls_error(error, a, ssl);
    case E::Read:
      return make("http.read",
                  a.progress.headers
                      ? "connection closed before the body was complete, after " + received(a)
                      : "connection closed or unreadable before the response headers were complete",
                  a, "the server or a proxy cut the response short; check its logs");
    case E::Write:
      return make("http.write", "could not send the request to " + a.url.host_port(), a,
                  "the server closed the connection while the request was sent; check its logs");
    default:
      break;
  }
  return make("http.error", "request failed: " + httplib::to_string(error), a, "");
}

}  // namespace siraya::core::http
