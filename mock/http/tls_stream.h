#pragma once
// httplib::Stream over one accepted connection with TLS (the mock's --tls-cert/--tls-key): the
// counterpart of SocketStream for HTTPS, used by the same connection loop. Transport-only:
// includes httplib.h and OpenSSL.
#include <cstddef>
#include <memory>
#include <string>

#include <httplib.h>
#include <openssl/types.h>

#include "mock/http/tls_context.h"

namespace siraya::mock {

class TlsStream final : public httplib::Stream {
 public:
  // Runs the server side of the handshake on `sock` (blocking, bounded by the timeouts, which it
  // also sets as SO_RCVTIMEO / SO_SNDTIMEO). nullptr when the handshake fails (a plain-HTTP
  // client, a client that rejects the certificate, a timeout, the server stopping); `sock` stays
  // open either way, for the caller to close.
  static std::unique_ptr<TlsStream> accept(const TlsContext& context, int sock, int read_timeout_ms,
                                           int write_timeout_ms);
  ~TlsStream() override;  // sends close_notify when the connection is still up
  TlsStream(const TlsStream&) = delete;
  TlsStream& operator=(const TlsStream&) = delete;

  bool is_readable() const override;  // decrypted or buffered bytes, or readable within the read timeout
  bool is_writable() const override;  // writable within the write timeout
  ssize_t read(char* ptr, std::size_t size) override;
  ssize_t write(const char* ptr, std::size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

  // Waits up to `timeout_ms` for the next request of a keep-alive connection (SocketStream's
  // contract): true when bytes (or EOF, or an error to report) are there to read.
  bool wait_for_request(int timeout_ms) const;

 private:
  TlsStream(SSL* ssl, int sock, int read_timeout_ms, int write_timeout_ms)
      : ssl_(ssl), sock_(sock), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {}

  SSL* ssl_;
  int sock_;
  int read_timeout_ms_;
  int write_timeout_ms_;
  bool failed_ = false;  // a fatal TLS error: no close_notify afterwards
};

}  // namespace siraya::mock
