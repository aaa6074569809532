#include "mock/http/tls_stream.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <climits>

#include "mock/http/socket_stream.h"
#include "mock/http/socket_wait.h"

namespace siraya::mock {
namespace {

// OpenSSL's socket BIO writes with write(2), so a client that vanished would raise SIGPIPE and
// end a process that does not ignore it (the harness and the tests embed the mock). This BIO is
// the socket BIO with its write replaced by send(MSG_NOSIGNAL): EPIPE instead of a signal.
int send_without_sigpipe(BIO* bio, const char* data, int size) {
  const int sock = static_cast<int>(BIO_get_fd(bio, nullptr));
  ssize_t n;
  do n = ::send(sock, data, static_cast<std::size_t>(size), MSG_NOSIGNAL); while (n < 0 && errno == EINTR);
  BIO_clear_retry_flags(bio);  // blocking socket: a timeout (EAGAIN) is a failure, not a retry
  return static_cast<int>(n);
}

const BIO_METHOD* socket_method() {
  static BIO_METHOD* method = [] {
    const BIO_METHOD* plain = BIO_s_socket();
    BIO_METHOD* m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK | BIO_TYPE_DESCRIPTOR,
                                 "siraya socket");
    if (m == nullptr) return m;
    BIO_meth_set_write(m, send_without_sigpipe);
    BIO_meth_set_read(m, BIO_meth_get_read(plain));
    BIO_meth_set_puts(m, BIO_meth_get_puts(plain));
    BIO_meth_set_ctrl(m, BIO_meth_get_ctrl(plain));
    BIO_meth_set_create(m, BIO_meth_get_create(plain));
    BIO_meth_set_destroy(m, BIO_meth_get_destroy(plain));
    return m;
  }();
  return method;
}

void set_timeout(int sock, int option, int timeout_ms) {
  timeval tv{timeout_ms / 1000, static_cast<suseconds_t>((timeout_ms % 1000) * 1000)};
  ::setsockopt(sock, SOL_SOCKET, option, &tv, sizeof(tv));
}

}  // namespace

std::unique_ptr<TlsStream> TlsStream::accept(const TlsContext& context, int sock, int read_timeout_ms,
                                             int write_timeout_ms) {
  set_timeout(sock, SO_RCVTIMEO, read_timeout_ms);
  set_timeout(sock, SO_SNDTIMEO, write_timeout_ms);
  const BIO_METHOD* method = socket_method();
  SSL* ssl = method != nullptr ? SSL_new(context.native()) : nullptr;
  BIO* bio = ssl != nullptr ? BIO_new(method) : nullptr;
  if (bio == nullptr) {
    SSL_free(ssl);
    ERR_clear_error();
    return nullptr;
  }
  BIO_set_fd(bio, sock, BIO_NOCLOSE);
  SSL_set_bio(ssl, bio, bio);  // the SSL owns the BIO now
  const bool ok = SSL_accept(ssl) == 1;
  ERR_clear_error();  // a failed handshake is the client's business; keep this thread's queue clean
  if (!ok) {
    SSL_free(ssl);
    return nullptr;
  }
  return std::unique_ptr<TlsStream>(new TlsStream(ssl, sock, read_timeout_ms, write_timeout_ms));
}

TlsStream::~TlsStream() {
  if (!failed_) SSL_shutdown(ssl_);  // best effort: the peer may be gone
  SSL_free(ssl_);
  ERR_clear_error();
}

bool TlsStream::is_readable() const { return SSL_has_pending(ssl_) == 1 || poll_for(sock_, POLLIN, read_timeout_ms_); }

bool TlsStream::is_writable() const { return poll_for(sock_, POLLOUT, write_timeout_ms_); }

bool TlsStream::wait_for_request(int timeout_ms) const {
  return SSL_has_pending(ssl_) == 1 || poll_for(sock_, POLLIN, timeout_ms);
}

ssize_t TlsStream::read(char* ptr, std::size_t size) {
  if (failed_) return -1;
  if (SSL_pending(ssl_) == 0 && !is_readable()) return -1;
  const int n = SSL_read(ssl_, ptr, static_cast<int>(std::min<std::size_t>(size, INT_MAX)));
  if (n > 0) return n;
  const int error = SSL_get_error(ssl_, n);
  ERR_clear_error();
  if (error == SSL_ERROR_ZERO_RETURN) return 0;  // close_notify: a clean end of the connection
  failed_ = true;
  return -1;
}

ssize_t TlsStream::write(const char* ptr, std::size_t size) {
  if (failed_) return -1;
  // Without SSL_MODE_ENABLE_PARTIAL_WRITE, SSL_write writes everything or fails.
  const int n = SSL_write(ssl_, ptr, static_cast<int>(std::min<std::size_t>(size, INT_MAX)));
  if (n > 0) return n;
  ERR_clear_error();
  failed_ = true;
  return -1;
}

void TlsStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  SocketStream(sock_, read_timeout_ms_, write_timeout_ms_).get_remote_ip_and_port(ip, port);
}

void TlsStream::get_local_ip_and_port(std::string& ip, int& port) const {
  SocketStream(sock_, read_timeout_ms_, write_timeout_ms_).get_local_ip_and_port(ip, port);
}

}  // namespace siraya::mock
