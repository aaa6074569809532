// The harness's client against servers that break HTTP on purpose, over raw sockets: each is a
// clear error (or, for a redirect, a response reported as it is) within its limits, with bounded
// memory; nothing hangs and nothing crashes. Certificates are covered in client_tls_test.cc.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/http/client.h"

namespace siraya::core::http {
namespace {

using namespace std::chrono_literals;

// Accepts connections on 127.0.0.1:0 and runs `behave` on each in its own thread. `behave` gets
// the socket and a flag that turns true when the test ends; it must return soon after.
class RawServer {
 public:
  using Behaviour = std::function<void(int fd, const std::atomic<bool>& stopping)>;
  explicit RawServer(Behaviour behave) : behave_(std::move(behave)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int yes = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = 0;
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    ::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
    ::listen(listener_, 16);
    socklen_t len = sizeof(addr);
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    accepter_ = std::thread([this] {
      while (!stopping_) {
        pollfd p{listener_, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        const int fd = ::accept(listener_, nullptr, nullptr);
        if (fd < 0) continue;
        std::lock_guard lock(mu_);
        workers_.emplace_back([this, fd] {
          behave_(fd, stopping_);
          ::close(fd);
        });
      }
    });
  }
  ~RawServer() {
    stopping_ = true;
    accepter_.join();
    std::lock_guard lock(mu_);
    for (auto& w : workers_) w.join();
    ::close(listener_);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  Behaviour behave_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::vector<std::thread> workers_;
  std::thread accepter_;
};

// Reads the request's head, so that the client is past sending when the behaviour starts.
void read_request_head(int fd) {
  std::string in;
  char buf[4096];
  while (in.find("\r\n\r\n") == std::string::npos) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 2000) <= 0) return;
    const ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
    if (n <= 0) return;
    in.append(buf, static_cast<std::size_t>(n));
  }
}

bool send_text(int fd, std::string_view text) {
  return ::send(fd, text.data(), text.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(text.size());
}

// Waits while the client is connected and the test runs (never longer than `limit`).
void hold(int fd, const std::atomic<bool>& stopping, std::chrono::milliseconds limit = 20s) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (!stopping && std::chrono::steady_clock::now() < end) {
    pollfd p{fd, POLLIN | POLLRDHUP, 0};
    if (::poll(&p, 1, 20) > 0) {
      char c;
      if (::recv(fd, &c, 1, MSG_DONTWAIT) <= 0) return;
    }
  }
}

Result<Response> get(const RawServer& server, Timeouts timeouts, std::size_t max_body = std::size_t{256} << 20) {
  ClientOptions options;
  options.base_url = server.url();
  options.timeouts = timeouts;
  options.max_body_bytes = max_body;
  auto client = Client::create(options);
  if (!client) return Unexpected<Error>(client.error());
  return (*client)->send(Request{.path = "/v1/chat/completions"}, Mode::streaming);
}

constexpr Timeouts kTight{.connect = 2s, .first_byte = 500ms, .idle = 500ms, .total = 1500ms};

void expect_error(const Result<Response>& result, const std::string& id, std::chrono::steady_clock::time_point start,
                  std::chrono::milliseconds within) {
  ASSERT_FALSE(result) << "got status " << result->status;
  EXPECT_EQ(result.error().id, id) << result.error().to_string();
  EXPECT_FALSE(result.error().message.empty());
  EXPECT_LT(std::chrono::steady_clock::now() - start, within) << result.error().to_string();
}

TEST(HostileServer, AStreamThatNeverEndsHitsTheTotalLimit) {
  RawServer server([](int fd, const std::atomic<bool>& stopping) {
    read_request_head(fd);
    send_text(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
    const std::string event = "data: {\"choices\":[]}\n\n";
    char size[16];
    std::snprintf(size, sizeof(size), "%zx\r\n", event.size());
    const std::string chunk = size + event + "\r\n";
    while (!stopping && send_text(fd, chunk)) std::this_thread::sleep_for(10ms);  // the server's pace
  });
  const auto start = std::chrono::steady_clock::now();
  expect_error(get(server, kTight), "http.timeout.total", start, 10s);
}

TEST(HostileServer, ABodyLargerThanTheLimitIsAbandoned) {
  RawServer server([](int fd, const std::atomic<bool>& stopping) {
    read_request_head(fd);
    send_text(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10737418240\r\n\r\n");
    const std::string block(64 * 1024, 'x');
    while (!stopping && send_text(fd, block)) {
    }
  });
  const auto start = std::chrono::steady_clock::now();
  Timeouts roomy{.connect = 2s, .first_byte = 5s, .idle = 5s, .total = 20s};
  expect_error(get(server, roomy, 4u << 20), "http.too_large", start, 15s);
}

TEST(HostileServer, GarbageInsteadOfHttpIsAnError) {
  RawServer server([](int fd, const std::atomic<bool>&) {
    read_request_head(fd);
    static constexpr char kGarbage[] = "\x00\xff\xfeSSH-2.0-not-http\r\n\r\n\x01\x02";
    send_text(fd, std::string_view(kGarbage, sizeof(kGarbage) - 1));
  });
  const auto result = get(server, kTight);
  ASSERT_FALSE(result);
  EXPECT_FALSE(result.error().message.empty());
  EXPECT_EQ(result.error().id.rfind("http.", 0), 0u) << result.error().to_string();
}

TEST(HostileServer, ADripOfOneByteAtATimeHitsTheTotalLimit) {
  RawServer server([](int fd, const std::atomic<bool>& stopping) {
    read_request_head(fd);
    send_text(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
    for (char c : std::string(100000, ' ')) {
      if (stopping || !send_text(fd, std::string_view(&c, 1))) return;
      std::this_thread::sleep_for(50ms);  // always within the idle limit, never done in time
    }
  });
  const auto start = std::chrono::steady_clock::now();
  expect_error(get(server, kTight), "http.timeout.total", start, 10s);
}

TEST(HostileServer, AServerThatAcceptsAndNeverAnswersHitsTheFirstByteLimit) {
  RawServer server([](int fd, const std::atomic<bool>& stopping) {
    read_request_head(fd);
    hold(fd, stopping);
  });
  const auto start = std::chrono::steady_clock::now();
  expect_error(get(server, kTight), "http.timeout.first_byte", start, 10s);
}

TEST(HostileServer, AnAbruptResetIsAReadError) {
  RawServer server([](int fd, const std::atomic<bool>&) {
    read_request_head(fd);
    send_text(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":");
    linger off{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &off, sizeof(off));  // close() now sends RST
  });
  const auto result = get(server, kTight);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().id, "http.read") << result.error().to_string();
}

TEST(HostileServer, RedirectsAreReportedNotFollowed) {
  std::atomic<int> requests{0};
  RawServer server([&requests](int fd, const std::atomic<bool>&) {
    read_request_head(fd);
    ++requests;
    send_text(fd, "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/elsewhere\r\nContent-Length: 0\r\n\r\n");
  });
  const auto result = get(server, kTight);
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(result->status, 302);
  EXPECT_EQ(result->header("location"), "http://127.0.0.1:1/elsewhere");
  EXPECT_EQ(requests.load(), 1);
}

}  // namespace
}  // namespace siraya::core::http
