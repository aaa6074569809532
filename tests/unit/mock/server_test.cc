// The transport: readiness, request ids, keep-alive under concurrency, clean repeated start/stop.
#include <dirent.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <regex>
#include <thread>
#include <vector>

#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

std::size_t thread_count() {
  std::size_t n = 0;
  if (DIR* dir = opendir("/proc/self/task")) {
    while (dirent* e = readdir(dir)) {
      if (e->d_name[0] != '.') ++n;
    }
    closedir(dir);
  }
  return n;
}

using ServerTest = MockTest;

TEST_F(ServerTest, AcceptsAsSoonAsStartReturns) {
  auto res = client().Get("/health");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(json_of(res), nlohmann::json({{"status", "ok"}}));
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
}

TEST_F(ServerTest, HealthzNeedsNoAuth) {
  auto res = client().Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(ServerTest, BaseUrlNamesThePort) {
  EXPECT_EQ(server_->base_url(), "http://127.0.0.1:" + std::to_string(server_->port()) + "/v1");
}

TEST_F(ServerTest, EveryResponseCarriesARequestId) {
  const std::regex id_format("req_[0-9a-f]{24}");
  std::vector<std::string> seen;
  for (const char* path : {"/health", "/v1/models", "/v1/nope"}) {
    auto res = client().Get(path);
    ASSERT_TRUE(res);
    const std::string id = res->get_header_value("x-request-id");
    EXPECT_TRUE(std::regex_match(id, id_format)) << path << ": " << id;
    EXPECT_EQ(res->get_header_value("request-id"), id) << path;
    seen.push_back(id);
  }
  EXPECT_NE(seen[0], seen[1]);
  EXPECT_NE(seen[1], seen[2]);
}

TEST_F(ServerTest, SecondServerOnTheSamePortFailsToBind) {
  Options options;
  options.port = server_->port();
  auto second = Server::start(options);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().id, "mock.bind");
}

TEST_F(ServerTest, OversizedBodyIs413InTheEnvelope) {
  Options options;
  options.max_body_bytes = 1024;
  restart(options);
  auto res = post_chat(client(), chat_request(std::string(4096, 'x')));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  const auto body = json_of(res);
  EXPECT_EQ(body["error"]["code"], 413);
  EXPECT_EQ(body["error"]["type"], "request_too_large");
}

TEST_F(ServerTest, SixtyFourKeepAliveConnectionsAreAllServed) {
  // Each connection keeps its worker thread for its whole life (perf-notes.md §3); all 64 must
  // make progress at the same time.
  constexpr int kConnections = 64;
  constexpr int kRequests = 20;
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kConnections; ++c) {
    clients.emplace_back([&, c] {
      auto cli = client_for(*server_);
      for (int i = 0; i < kRequests; ++i) {
        auto res = post_chat(*cli, chat_request("connection " + std::to_string(c) + " request " + std::to_string(i)));
        if (res && res->status == 200) ++ok;
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(ok, kConnections * kRequests);
}

TEST(ServerLifecycle, StartsAndStopsRepeatedlyWithoutLeakingThreads) {
  const std::size_t before = thread_count();
  for (int i = 0; i < 20; ++i) {
    auto server = start_mock();
    ASSERT_NE(server, nullptr);
    auto cli = client_for(*server);
    auto res = cli->Get("/health");  // a keep-alive connection is still open when stop() runs
    ASSERT_TRUE(res);
    server->stop();
    server->stop();  // idempotent
    server->wait();
  }
  EXPECT_EQ(thread_count(), before);
}

TEST(ServerLifecycle, StopFromAnotherThreadReleasesWait) {
  auto server = start_mock();
  ASSERT_NE(server, nullptr);
  std::thread stopper([&] { server->stop(); });
  server->wait();
  stopper.join();
  auto cli = client_for(*server);
  cli->set_connection_timeout(1, 0);
  EXPECT_FALSE(cli->Get("/health"));
}

TEST_F(ServerTest, ThroughputOnOneConnection) {
  // Not an assertion: prints requests/s for a small non-streaming chat request on one
  // keep-alive connection (Nagle would cap this near 25/s).
  const auto body = chat_request("Hi").dump();
  const auto headers = auth_headers();
  const auto start = std::chrono::steady_clock::now();
  const auto until = start + std::chrono::milliseconds(1500);
  int count = 0;
  while (std::chrono::steady_clock::now() < until) {
    auto res = client().Post("/v1/chat/completions", headers, body, "application/json");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200);
    ++count;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ perf ] %d requests in %.2f s on one connection: %.0f requests/s\n", count, seconds, count / seconds);
}

}  // namespace
}  // namespace siraya::mock::testing
