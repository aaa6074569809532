#include "mock/http/socket_stream.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "mock/http/socket_wait.h"

namespace siraya::mock {
namespace {

void ip_and_port(const sockaddr_storage& addr, socklen_t len, std::string& ip, int& port) {
  char host[NI_MAXHOST];
  char serv[NI_MAXSERV];
  if (::getnameinfo(reinterpret_cast<const sockaddr*>(&addr), len, host, sizeof(host), serv, sizeof(serv),
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(serv);
  }
}

}  // namespace

bool SocketStream::is_readable() const { return buffered() || poll_for(sock_, POLLIN, read_timeout_ms_); }

bool SocketStream::is_writable() const { return poll_for(sock_, POLLOUT, write_timeout_ms_); }

bool SocketStream::wait_for_request(int timeout_ms) const { return buffered() || poll_for(sock_, POLLIN, timeout_ms); }

ssize_t SocketStream::read(char* ptr, std::size_t size) {
  if (!buffered()) {
    if (!is_readable()) return -1;
    if (size >= sizeof(buffer_)) {
      ssize_t n;
      do n = ::recv(sock_, ptr, size, 0); while (n < 0 && errno == EINTR);
      return n;
    }
    ssize_t n;
    do n = ::recv(sock_, buffer_, sizeof(buffer_), 0); while (n < 0 && errno == EINTR);
    if (n <= 0) return n;
    pos_ = 0;
    len_ = static_cast<std::size_t>(n);
  }
  const std::size_t n = std::min(size, len_ - pos_);
  std::memcpy(ptr, buffer_ + pos_, n);
  pos_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t SocketStream::write(const char* ptr, std::size_t size) {
  // SO_SNDTIMEO (set by httplib on accepted sockets) bounds a blocked send; MSG_NOSIGNAL turns a
  // vanished client into EPIPE instead of SIGPIPE.
  ssize_t n;
  do n = ::send(sock_, ptr, size, MSG_NOSIGNAL); while (n < 0 && errno == EINTR);
  return n;
}

void SocketStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) ip_and_port(addr, len, ip, port);
}

void SocketStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) ip_and_port(addr, len, ip, port);
}

}  // namespace siraya::mock
