// Each limit is enforced on its own and named in the error: the server holds its answer on a
// gate that the test opens only after the client has given up, so no test waits longer than a
// limit. Limits the test does not exercise are far larger, so only the one under test can fire.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/http/client.h"
#include "tests/unit/core/http/http_test_support.h"

namespace siraya::core::http {
namespace {

using namespace std::chrono_literals;
using testing::FullBacklog;
using testing::LocalServer;

constexpr std::chrono::milliseconds kShort = 200ms;
constexpr std::chrono::milliseconds kLong = 20s;

Timeouts only(std::chrono::milliseconds Timeouts::*limit) {
  Timeouts t{.connect = kLong, .first_byte = kLong, .idle = kLong, .total = kLong};
  t.*limit = kShort;
  return t;
}

Result<Response> get(const std::string& base_url, const Timeouts& timeouts,
                     const std::string& path = "/") {
  auto client = Client::create(ClientOptions{.base_url = base_url, .timeouts = timeouts});
  if (!client) return Unexpected<Error>(client.error());
  return (*client)->send(Request{.path = path}, Mode::streaming);
}

TEST(ClientTimeout, FirstByte) {
  LocalServer server;
  server.routes().Get("/", [&server](const httplib::Request&, httplib::Response& res) {
    server.gate().wait();
    res.set_content("late", "text/plain");
  });
  ASSERT_TRUE(server.start());
  auto res = get(server.url(), only(&Timeouts::first_byte));
  ASSERT_FALSE(res);
  EXPECT_EQ(res.error().id, "http.timeout.first_byte");
  EXPECT_NE(res.error().message.find("200 ms"), std::string::npos) << res.error().message;
}

TEST(ClientTimeout, IdleAfterOnePiece) {
  LocalServer server;
  server.routes().Get("/", [&server](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/event-stream",
                                     [&server](size_t offset, httplib::DataSink& sink) {
                                       if (offset == 0) {
                                         sink.write("one", 3);
                                         return true;
                                       }
                                       server.gate().wait();
                                       return false;
                                     });
  });
  ASSERT_TRUE(server.start());
  auto res = get(server.url(), only(&Timeouts::idle));
  ASSERT_FALSE(res);
  EXPECT_EQ(res.error().id, "http.timeout.idle");
  EXPECT_NE(res.error().message.find("3 body bytes"), std::string::npos) << res.error().message;
}

TEST(ClientTimeout, TotalEvenWhileBytesKeepArriving) {
  LocalServer server;
  server.routes().Get("/", [&server](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider(
        "text/event-stream", [&server](size_t, httplib::DataSink& sink) {
          sink.write("tick\n", 5);
          return !server.gate().wait_for(20ms);  // a steady trickle until the test is over
        });
  });
  ASSERT_TRUE(server.start());
  auto res = get(server.url(), only(&Timeouts::total));
  ASSERT_FALSE(res);
  EXPECT_EQ(res.error().id, "http.timeout.total");
  EXPECT_NE(res.error().message.find("status 200"), std::string::npos) << res.error().message;
}

TEST(ClientTimeout, TotalBeforeHeaders) {
  LocalServer server;
  server.routes().Get("/", [&server](const httplib::Request&, httplib::Response& res) {
    server.gate().wait();
    res.set_content("late", "text/plain");
  });
  ASSERT_TRUE(server.start());
  auto res = get(server.url(), only(&Timeouts::total));
  ASSERT_FALSE(res);
  EXPECT_EQ(res.error().id, "http.timeout.total");
  EXPECT_NE(res.error().message.find("no response headers"), std::string::npos)
      << res.error().message;
}

TEST(ClientTimeout, PerRequestTotalOverridesTheClientDefault) {
  LocalServer server;
  server.routes().Get("/", [&server](const httplib::Request&, httplib::Response& res) {
    server.gate().wait();
    res.set_content("late", "text/plain");
  });
  ASSERT_TRUE(server.start());
  Timeouts all_long{.connect = kLong, .first_byte = kLong, .idle = kLong, .total = kLong};
  auto client = Client::create(ClientOptions{.base_url = server.url(), .timeouts = all_long});
  ASSERT_TRUE(client);
  auto res = (*client)->send(Request{.path = "/", .total_timeout = kShort}, Mode::buffered);
  ASSERT_FALSE(res);
  EXPECT_EQ(res.error().id, "http.timeout.total");
  EXPECT_NE(res.error().message.find("200 ms"), std::string::npos) << res.error().message;
}

TEST(ClientTimeout, Connect) {
  FullBacklog backlog;
  Timeouts timeouts = only(&Timeouts::connect);
  timeouts.first_byte = 2s;  // bounds the test where a system does accept beyond the backlog
  auto res = get("http://127.0.0.1:" + std::to_string(backlog.port()), timeouts);
  ASSERT_FALSE(res);
  if (res.error().id == "http.timeout.first_byte" || res.error().id == "http.read") {
    GTEST_SKIP() << "this system accepts connections beyond the listen backlog";
  }
  EXPECT_EQ(res.error().id, "http.timeout.connect");
}

TEST(ClientTimeout, TotalBoundsConnecting) {
  FullBacklog backlog;
  auto res = get("http://127.0.0.1:" + std::to_string(backlog.port()), only(&Timeouts::total));
  ASSERT_FALSE(res);
  if (res.error().id == "http.read")
    GTEST_SKIP() << "this system accepts connections beyond the listen backlog";
  EXPECT_EQ(res.error().id, "http.timeout.total");
}

TEST(ClientConnect, RefusedNamesHostAndPort) {
  const int port = testing::unused_port();
  auto res = get("http://127.0.0.1:" + std::to_string(port) + "/v1", only(&Timeouts::connect));
  ASSERT_FALSE(res);
  EXPECT_EQ(res.error().id, "http.connect");
  EXPECT_NE(res.error().message.find("127.0.0.1:" + std::to_string(port)), std::string::npos);
  EXPECT_FALSE(res.error().fix.empty());
}

}  // namespace
}  // namespace siraya::core::http
