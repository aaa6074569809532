#include "flood.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace siraya::bench {
namespace {

using Clock = std::chrono::steady_clock;

double ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

struct Stream {
  int fd = -1;
  std::size_t sent = 0;
  std::string received;  // headers plus the body so far (only the tail is kept once past headers)
  bool headers_seen = false;
  bool answer_begun = false;
  bool ok_status = false;
  bool done = false;
  bool connecting = false;  // counted in connecting_ until the request is sent
  Clock::time_point start, first_byte;
};

// True once the body holds the terminal event; `tail` keeps the last bytes of the body so a
// split "data: [DONE]" is still seen.
bool saw_done(const std::string& tail) { return tail.find("data: [DONE]") != std::string::npos; }

class Flood {
 public:
  explicit Flood(const FloodOptions& options) : options_(options), streams_(options.connections) {}

  FloodResult run() {
    epoll_ = epoll_create1(EPOLL_CLOEXEC);
    if (epoll_ < 0) {
      fail_all("epoll_create1 failed");
      return result_;
    }
    const auto begin = Clock::now();
    const auto deadline = begin + options_.deadline;
    std::vector<epoll_event> events(1024);
    while (finished_ < streams_.size()) {
      start_more();
      const auto now = Clock::now();
      if (now >= deadline) break;
      const int wait_ms = static_cast<int>(std::min<long long>(
          100, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1));
      const int n = epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), wait_ms);
      if (n < 0 && errno != EINTR) break;
      for (int i = 0; i < n; ++i) handle(streams_[events[i].data.u64], events[i].events);
    }
    for (auto& s : streams_) {
      if (s.fd >= 0) finish(s, s.answer_begun ? "deadline passed mid-stream" : "deadline passed before an answer");
    }
    for (std::size_t i = next_; i < streams_.size(); ++i) ++result_.failures["never started (deadline)"];
    close(epoll_);
    result_.wall_ms = ms_between(begin, Clock::now());
    return result_;
  }

 private:
  void fail_all(const std::string& why) { result_.failures[why] += streams_.size(); }

  void start_more() {
    while (next_ < streams_.size() && connecting_ < options_.connect_batch) {
      Stream& s = streams_[next_];
      const std::uint64_t index = next_++;
      ++result_.started;
      s.start = Clock::now();
      s.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
      if (s.fd < 0) {
        finish(s, std::string("socket: ") + std::strerror(errno));
        continue;
      }
      int one = 1;
      setsockopt(s.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      sockaddr_in addr{};
      addr.sin_family = AF_INET;
      addr.sin_port = htons(options_.port);
      addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      if (connect(s.fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0 && errno != EINPROGRESS) {
        finish(s, std::string("connect: ") + std::strerror(errno));
        continue;
      }
      epoll_event ev{};
      ev.events = EPOLLOUT | EPOLLIN | EPOLLRDHUP;
      ev.data.u64 = index;
      epoll_ctl(epoll_, EPOLL_CTL_ADD, s.fd, &ev);
      s.connecting = true;
      ++connecting_;
    }
  }

  void handle(Stream& s, std::uint32_t what) {
    if (s.fd < 0) return;
    if (what & EPOLLOUT) {
      if (!s.connecting) return;  // request already sent
      if (s.sent == 0) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(s.fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0) return finish(s, std::string("connect: ") + std::strerror(err));
      }
      while (s.sent < options_.request.size()) {
        const ssize_t n = send(s.fd, options_.request.data() + s.sent, options_.request.size() - s.sent, MSG_NOSIGNAL);
        if (n < 0) {
          if (errno == EAGAIN) return;
          return finish(s, std::string("send: ") + std::strerror(errno));
        }
        s.sent += static_cast<std::size_t>(n);
      }
      s.connecting = false;
      --connecting_;
      epoll_event ev{};
      ev.events = EPOLLIN | EPOLLRDHUP;
      ev.data.u64 = static_cast<std::uint64_t>(&s - streams_.data());
      epoll_ctl(epoll_, EPOLL_CTL_MOD, s.fd, &ev);
    }
    if (what & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) read_some(s);
  }

  void read_some(Stream& s) {
    char buf[16384];
    for (;;) {
      const ssize_t n = recv(s.fd, buf, sizeof buf, 0);
      if (n > 0) {
        if (!s.answer_begun) {
          s.answer_begun = true;
          s.first_byte = Clock::now();
          ++open_streams_;
          result_.peak_open_streams = std::max(result_.peak_open_streams, open_streams_);
        }
        s.received.append(buf, static_cast<std::size_t>(n));
        if (!s.headers_seen) {
          const auto end = s.received.find("\r\n\r\n");
          if (end == std::string::npos) continue;
          s.headers_seen = true;
          s.ok_status = s.received.rfind("HTTP/1.1 200", 0) == 0;
          if (!s.ok_status) return finish(s, "status " + s.received.substr(9, 3));
          s.received.erase(0, end + 4);
        }
        if (saw_done(s.received)) {
          s.done = true;
          return finish(s, "");
        }
        if (s.received.size() > 64) s.received.erase(0, s.received.size() - 64);
        continue;
      }
      if (n == 0) return finish(s, s.answer_begun ? "closed before data: [DONE]" : "closed before an answer");
      if (errno == EAGAIN) return;
      return finish(s, std::string("recv: ") + std::strerror(errno));
    }
  }

  void finish(Stream& s, const std::string& failure) {
    const auto now = Clock::now();
    if (s.connecting) --connecting_;
    s.connecting = false;
    if (s.answer_begun) --open_streams_;
    if (s.fd >= 0) close(s.fd);
    s.fd = -1;
    s.received.clear();
    s.received.shrink_to_fit();
    ++finished_;
    if (failure.empty()) {
      ++result_.completed;
      result_.first_byte_ms.push_back(ms_between(s.start, s.first_byte));
      result_.total_ms.push_back(ms_between(s.start, now));
    } else {
      ++result_.failures[failure];
    }
  }

  const FloodOptions& options_;
  std::vector<Stream> streams_;
  FloodResult result_;
  int epoll_ = -1;
  std::size_t next_ = 0;
  std::size_t connecting_ = 0;  // started, request not fully sent
  std::size_t open_streams_ = 0;
  std::size_t finished_ = 0;
};

}  // namespace

FloodResult run_flood(const FloodOptions& options) { return Flood(options).run(); }

}  // namespace siraya::bench
