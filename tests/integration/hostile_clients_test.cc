// Hostile clients against siraya-mock over raw sockets: every one gets a documented error or a
// clean close, nothing crashes or hangs, and the server keeps answering others. Oversized bodies
// are refused from the headers (never read whole), deeply nested, ill-formed and huge JSON gets
// the 400 envelope, a request sent one byte per write is served, half-sent requests and idle
// connections are dropped after the I/O timeout, and a client that leaves mid-stream frees its
// worker.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "mock/server.h"

namespace siraya::mock {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr const char* kKey = "sk-hostile";

// One blocking TCP connection to the mock with a receive deadline.
class Connection {
 public:
  explicit Connection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
    int yes = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
  }
  ~Connection() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool connected() const { return connected_; }

  bool send_all(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }
  // Reads until the peer closes, `enough` says stop, or the deadline passes (then timed_out()).
  std::string read_until(std::chrono::milliseconds deadline, const std::function<bool(const std::string&)>& enough = {}) {
    std::string in;
    const auto end = Clock::now() + deadline;
    char buf[65536];
    while (true) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now()).count();
      if (left <= 0) {
        timed_out_ = true;
        return in;
      }
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
      const ssize_t n = ::recv(fd_, buf, sizeof(buf), 0);
      if (n <= 0) {
        closed_ = true;
        return in;
      }
      in.append(buf, static_cast<std::size_t>(n));
      if (enough && enough(in)) return in;
    }
  }
  bool closed() const { return closed_; }
  bool timed_out() const { return timed_out_; }

 private:
  int fd_ = -1;
  bool connected_ = false;
  bool closed_ = false;
  bool timed_out_ = false;
};

std::string http_post(const std::string& body, const std::string& path = "/v1/chat/completions",
                      const std::string& extra = "Content-Type: application/json\r\n") {
  return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + kKey + "\r\n" + extra +
         "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

struct Reply {
  int status = 0;
  std::string body;
};

Reply parse_reply(const std::string& raw) {
  Reply r;
  if (raw.rfind("HTTP/1.1 ", 0) == 0) r.status = std::stoi(raw.substr(9, 3));
  if (const auto at = raw.find("\r\n\r\n"); at != std::string::npos) r.body = raw.substr(at + 4);
  return r;
}

class HostileClients : public ::testing::Test {
 protected:
  void SetUp() override { start({}); }
  void start(Options options) {
    server_.reset();
    options.port = 0;
    options.keys = {kKey};
    options.max_body_bytes = 1u << 20;
    options.io_timeout = std::chrono::milliseconds{1000};
    auto server = Server::start(std::move(options));
    ASSERT_TRUE(server) << server.error().to_string();
    server_ = std::move(*server);
  }
  Reply exchange(const std::string& request, std::chrono::milliseconds deadline = std::chrono::seconds(20)) {
    Connection c(server_->port());
    EXPECT_TRUE(c.connected());
    EXPECT_TRUE(c.send_all(request));
    const std::string raw = c.read_until(deadline);
    EXPECT_FALSE(c.timed_out()) << "no answer within " << deadline.count() << " ms";
    return parse_reply(raw);
  }
  // The server still answers a normal request.
  void expect_healthy() {
    const Reply ok = exchange(http_post(R"({"model":"openai/gpt-4o","messages":[{"role":"user","content":"hi"}]})"));
    EXPECT_EQ(ok.status, 200) << ok.body;
  }
  static void expect_envelope(const Reply& r, int status) {
    EXPECT_EQ(r.status, status) << r.body.substr(0, 300);
    const json body = json::parse(r.body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << r.body.substr(0, 300);
    EXPECT_EQ(body["error"]["code"], status);
    EXPECT_TRUE(body["error"]["message"].is_string());
  }
  std::unique_ptr<Server> server_;
};

TEST_F(HostileClients, ABodyOverTheLimitIsRefusedFromItsHeaders) {
  // Announces 1 GiB and sends none of it: the 413 comes from the headers alone.
  Connection c(server_->port());
  ASSERT_TRUE(c.send_all(std::string("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ") + kKey +
                         "\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n{"));
  const Reply r = parse_reply(c.read_until(std::chrono::seconds(10)));
  EXPECT_FALSE(c.timed_out());
  expect_envelope(r, 413);
  expect_healthy();
}

TEST_F(HostileClients, AChunkedBodyOverTheLimitIs413) {
  Connection c(server_->port());
  std::string request = std::string("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ") + kKey +
                        "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
  ASSERT_TRUE(c.send_all(request));
  const std::string chunk(64 * 1024, 'a');
  std::string framed;
  for (int i = 0; i < 20; ++i) framed += "10000\r\n" + chunk + "\r\n";  // 1.25 MiB > the 1 MiB limit
  framed += "0\r\n\r\n";
  c.send_all(framed);  // the server may stop reading once over the limit
  const Reply r = parse_reply(c.read_until(std::chrono::seconds(10)));
  EXPECT_FALSE(c.timed_out());
  EXPECT_EQ(r.status, 413);
  expect_healthy();
}

TEST_F(HostileClients, DeeplyNestedJsonIsA400) {
  // 100,000 levels inside a message used to overflow the worker's stack and kill the mock.
  for (const std::size_t depth : {std::size_t{1000}, std::size_t{100000}}) {
    // As the whole body, and as a message's content.
    const std::string arrays = std::string(depth, '[') + std::string(depth, ']');
    expect_envelope(exchange(http_post(arrays)), 400);
    std::string objects;
    for (std::size_t i = 0; i < depth; ++i) objects += "{\"a\":";
    objects += "1" + std::string(depth, '}');
    const std::string nested =
        R"({"model":"openai/gpt-4o","messages":[{"role":"user","content":"hi","metadata":)" + objects + "}]}";
    const Reply r = exchange(http_post(nested));
    expect_envelope(r, 400);
    EXPECT_NE(r.body.find("deeper than 128 levels"), std::string::npos) << r.body;
  }
  expect_healthy();
}

TEST_F(HostileClients, IllFormedUtf8AndControlBytesAreA400) {
  const std::vector<std::string> bodies = {
      "{\"model\":\"openai/gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"\xff\xfe\"}]}",
      "{\"model\":\"openai/gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"\xc3\"}]}",
      "{\"model\":\"openai/gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"a\x01\"}]}",
      std::string("{\"model\":\"openai/gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"a\0b\"}]}", 68),
      "{\"model\":\"openai/gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"\\ud800\"}]}",
  };
  for (const auto& body : bodies) expect_envelope(exchange(http_post(body)), 400);
  expect_healthy();
}

TEST_F(HostileClients, HugeStringsAndArraysAreAnsweredOrRefusedQuickly) {
  const std::string big(900 * 1024, 'x');  // under the 1 MiB limit
  const Reply text = exchange(http_post(R"({"model":"openai/gpt-4o","messages":[{"role":"user","content":")" + big + "\"}]}"));
  EXPECT_TRUE(text.status == 200 || text.status == 400) << text.status;
  std::string many = R"({"model":"openai/gpt-4o","messages":[)";
  for (int i = 0; i < 40000; ++i) many += R"({"role":"user","content":"a"},)";
  many.back() = ']';
  many += "}";
  const Reply messages = exchange(http_post(many));
  EXPECT_TRUE(messages.status == 200 || messages.status == 400 || messages.status == 413) << messages.status;
  std::string inputs = R"({"model":"openai/text-embedding-3-small","input":[)";
  for (int i = 0; i < 100000; ++i) inputs += "\"a\",";
  inputs.back() = ']';
  inputs += "}";
  const Reply embeddings = exchange(http_post(inputs, "/v1/embeddings"));
  EXPECT_TRUE(embeddings.status == 400 || embeddings.status == 413) << embeddings.status;  // over the input limit
  expect_healthy();
}

TEST_F(HostileClients, WrongOrMissingContentTypeIsA400NamingIt) {
  const std::string body = R"({"model":"openai/gpt-4o","messages":[{"role":"user","content":"hi"}]})";
  for (const std::string& extra : {std::string("Content-Type: text/plain\r\n"), std::string()}) {
    const Reply r = exchange(http_post(body, "/v1/chat/completions", extra));
    expect_envelope(r, 400);
    EXPECT_NE(r.body.find("Content-Type"), std::string::npos) << r.body;
  }
}

TEST_F(HostileClients, ARequestSentOneBytePerWriteIsServed) {
  const std::string request = http_post(R"({"model":"openai/gpt-4o","messages":[{"role":"user","content":"hi"}]})");
  Connection c(server_->port());
  for (char ch : request) ASSERT_TRUE(c.send_all(std::string_view(&ch, 1)));
  const Reply r = parse_reply(c.read_until(std::chrono::seconds(20)));
  EXPECT_EQ(r.status, 200);
}

TEST_F(HostileClients, HalfSentRequestsAndIdleConnectionsAreDropped) {
  // Headers cut off, a body shorter than its Content-Length, and a connection that sends nothing:
  // each is closed after the 1 s I/O timeout (or the 2 s keep-alive wait), never held open.
  const std::vector<std::string> starts = {
      "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n",
      std::string("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ") + kKey +
          "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"model\":",
      "",
  };
  for (const auto& start : starts) {
    Connection c(server_->port());
    ASSERT_TRUE(c.send_all(start));
    c.read_until(std::chrono::seconds(15));
    EXPECT_TRUE(c.closed()) << "still open: \"" << start.substr(0, 40) << "\"";
  }
  expect_healthy();
}

TEST_F(HostileClients, AClientThatLeavesMidStreamFreesItsWorker) {
  Options options;
  options.max_threads = 2;  // two workers: a worker held by a dead stream would starve the rest
  start(options);
  const std::string stream = http_post(R"({"model":"openai/gpt-4o","stream":true,"messages":[{"role":"user","content":"hi"}]})",
                                       "/v1/chat/completions",
                                       "Content-Type: application/json\r\nx-siraya-mock: interval=2000\r\n");
  for (int round = 0; round < 4; ++round) {
    Connection c(server_->port());
    ASSERT_TRUE(c.send_all(stream));
    const std::string head = c.read_until(std::chrono::seconds(10), [](const std::string& in) {
      return in.find("data: ") != std::string::npos;
    });
    ASSERT_NE(head.find("200 OK"), std::string::npos) << round;
  }  // each connection closes here, in the middle of a 2 s pause
  expect_healthy();
  expect_healthy();
}

}  // namespace
}  // namespace siraya::mock
