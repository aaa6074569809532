// bench/stream_flood (the concurrent-streams benchmark client) against the in-process mock: it
// counts a stream complete only when it ends with data: [DONE] after a 200, and its "open at
// once" figure is real, so the benchmark's 10,000-streams row cannot be met by a broken server.
#include <gtest/gtest.h>

#include "flood.h"
#include "mock/server.h"

namespace siraya::bench {
namespace {

constexpr const char* kBody = R"({"model":"openai/gpt-4o","stream":true,"messages":[{"role":"user","content":"Hello"}]})";

std::string request(const std::string& extra_header = "") {
  const std::string body = kBody;
  return "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
         "Authorization: Bearer k\r\n" +
         extra_header + "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

class StreamFlood : public ::testing::Test {
 protected:
  void SetUp() override {
    mock::Options options;
    options.port = 0;
    options.keys = {"k"};
    auto server = mock::Server::start(std::move(options));
    ASSERT_TRUE(server) << server.error().to_string();
    server_ = std::move(*server);
  }
  FloodOptions flood(std::size_t n, const std::string& header = "") {
    FloodOptions o;
    o.port = static_cast<std::uint16_t>(server_->port());
    o.connections = n;
    o.request = request(header);
    o.deadline = std::chrono::seconds(60);
    o.connect_batch = 16;
    return o;
  }
  std::unique_ptr<mock::Server> server_;
};

TEST_F(StreamFlood, EveryStreamOfAHealthyServerCompletesAndPacedOnesOverlap) {
  // Paced streams (over 20 events, so over 17 x 30 ms) outlast the time to set up 64 connections.
  const auto r = run_flood(flood(64, "x-siraya-mock: interval=30\r\n"));
  EXPECT_EQ(r.started, 64u);
  EXPECT_EQ(r.completed, 64u);
  EXPECT_TRUE(r.failures.empty());
  EXPECT_EQ(r.peak_open_streams, 64u);
  ASSERT_EQ(r.total_ms.size(), 64u);
  for (double t : r.total_ms) EXPECT_GE(t, 17 * 30.0 * 0.9);
}

TEST_F(StreamFlood, AStreamCutBeforeDoneIsAFailure) {
  const auto r = run_flood(flood(8, "x-siraya-mock: fault=close;after=3\r\n"));
  EXPECT_EQ(r.completed, 0u);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures.begin()->first, "closed before data: [DONE]");
  EXPECT_EQ(r.failures.begin()->second, 8u);
}

TEST_F(StreamFlood, AnErrorStatusIsAFailure) {
  FloodOptions o = flood(4);
  o.request = request("x-siraya-mock: status=503\r\n");
  const auto r = run_flood(o);
  EXPECT_EQ(r.completed, 0u);
  EXPECT_EQ(r.failures.at("status 503"), 4u);
}

TEST_F(StreamFlood, TheDeadlineEndsStreamsThatNeverFinish) {
  FloodOptions o = flood(4, "x-siraya-mock: fault=stall;after=2;for=60000\r\n");
  o.deadline = std::chrono::milliseconds(300);
  const auto r = run_flood(o);
  EXPECT_EQ(r.completed, 0u);
  EXPECT_EQ(r.failures.at("deadline passed mid-stream"), 4u);
  EXPECT_LT(r.wall_ms, 5000);
}

}  // namespace
}  // namespace siraya::bench
