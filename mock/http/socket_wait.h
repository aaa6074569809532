#pragma once
// Waiting on a connection's socket, shared by the transport's plain and TLS streams
// (socket_stream.h, tls_stream.h).
#include <poll.h>

#include <cerrno>

namespace siraya::mock {

// Whether `events` (POLLIN, POLLOUT) happen on `sock` within `timeout_ms` (-1: no limit); a
// signal that interrupts the wait restarts it.
inline bool poll_for(int sock, short events, int timeout_ms) {
  pollfd p{sock, events, 0};
  for (;;) {
    const int n = ::poll(&p, 1, timeout_ms);
    if (n < 0 && errno == EINTR) continue;
    return n > 0;
  }
}

}  // namespace siraya::mock
