// Round trips against a local server: methods, headers, bodies, path joining, raw bytes,
// streaming chunks and bodies cut short.
#include "core/http/client.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "tests/unit/core/http/http_test_support.h"

namespace siraya::core::http {
namespace {

using testing::LocalServer;

std::unique_ptr<Client> make_client(const std::string& base_url) {
  auto client = Client::create(ClientOptions{.base_url = base_url});
  EXPECT_TRUE(client) << client.error().to_string();
  return client ? std::move(*client) : nullptr;
}

// Answers every method and path with what it received, one line per fact.
void add_echo(httplib::Server& svr) {
  const auto echo = [](const httplib::Request& req, httplib::Response& res) {
    std::string out = req.method + " " + req.path + "\n";
    out += "content-type: " + req.get_header_value("Content-Type") + " x" +
           std::to_string(req.get_header_value_count("Content-Type")) + "\n";
    out += "x-test: " + req.get_header_value("X-Test") + "\n";
    out += "host: " + req.get_header_value("Host") + "\n";
    out += "accept-encoding: " + std::to_string(req.has_header("Accept-Encoding")) + "\n";
    out += "query x: " + req.get_param_value("x") + "\n";
    out += "body: " + req.body;
    res.status = req.method == "POST" ? 201 : 200;
    res.headers.emplace("X-Dup", "first");
    res.headers.emplace("X-Dup", "second");
    res.set_content(out, "text/plain");
  };
  svr.Get(".*", echo);
  svr.Post(".*", echo);
  svr.Put(".*", echo);
  svr.Patch(".*", echo);
  svr.Delete(".*", echo);
  svr.Options(".*", echo);
}

class ClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    add_echo(server_.routes());
    ASSERT_TRUE(server_.start());
  }
  LocalServer server_;
};

TEST_F(ClientTest, PostRoundTripCarriesHeadersAndBody) {
  auto client = make_client(server_.url("http", "/v1"));
  ASSERT_TRUE(client);
  auto res = client->send(Request{.method = "POST",
                                  .path = "/chat/completions",
                                  .headers = {{"X-Test", "yes"}},
                                  .body = R"({"a":1})"},
                          Mode::buffered);
  ASSERT_TRUE(res) << res.error().to_string();
  EXPECT_EQ(res->status, 201);
  EXPECT_NE(res->body.find("POST /v1/chat/completions\n"), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("content-type: application/json x1\n"), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("x-test: yes\n"), std::string::npos);
  EXPECT_NE(res->body.find("host: 127.0.0.1:" + std::to_string(server_.port()) + "\n"),
            std::string::npos);
  EXPECT_NE(res->body.find("body: {\"a\":1}"), std::string::npos);
  EXPECT_TRUE(res->chunks.empty());
  EXPECT_FALSE(res->truncated);
  EXPECT_GE(res->total, res->first_byte);
}

TEST_F(ClientTest, OneClientServesParallelRequests) {
  auto client = make_client(server_.url("http", "/v1"));
  ASSERT_TRUE(client);
  std::vector<std::thread> threads;
  std::vector<std::string> seen(4);  // within httplib's listen backlog of 5
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int round = 0; round < 5; ++round) {
        auto res = client->send(Request{.path = "/t" + std::to_string(i)}, Mode::streaming);
        seen[i] += res ? res->body.substr(0, res->body.find('\n')) + ";" : res.error().to_string();
      }
    });
  }
  for (auto& t : threads) t.join();
  for (size_t i = 0; i < seen.size(); ++i) {
    std::string expected;
    for (int round = 0; round < 5; ++round) expected += "GET /v1/t" + std::to_string(i) + ";";
    EXPECT_EQ(seen[i], expected);
  }
}

TEST_F(ClientTest, ExplicitContentTypeIsSentOnce) {
  auto client = make_client(server_.url());
  ASSERT_TRUE(client);
  auto res = client->send(
      Request{
          .method = "PUT", .path = "/x", .headers = {{"content-type", "text/plain"}}, .body = "hi"},
      Mode::buffered);
  ASSERT_TRUE(res) << res.error().to_string();
  EXPECT_NE(res->body.find("content-type: text/plain x1\n"), std::string::npos) << res->body;
}

TEST_F(ClientTest, ResponseHeadersKeepDuplicatesAndMatchAnyCase) {
  auto client = make_client(server_.url());
  ASSERT_TRUE(client);
  auto res = client->send(Request{.path = "/"}, Mode::buffered);
  ASSERT_TRUE(res) << res.error().to_string();
  EXPECT_EQ(res->header("x-dup"), "first");
  EXPECT_EQ(res->header("CONTENT-TYPE"), "text/plain");
  EXPECT_EQ(res->header("x-absent"), std::nullopt);
  int dups = 0;
  for (const auto& [name, value] : res->headers) dups += name == "X-Dup" ? 1 : 0;
  EXPECT_EQ(dups, 2);
}

class MethodTest : public ClientTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(MethodTest, IsSentAsGiven) {
  auto client = make_client(server_.url());
  ASSERT_TRUE(client);
  auto res = client->send(Request{.method = GetParam(), .path = "/m"}, Mode::buffered);
  ASSERT_TRUE(res) << res.error().to_string();
  EXPECT_EQ(res->body.substr(0, GetParam().size() + 3), GetParam() + " /m");
}

INSTANTIATE_TEST_SUITE_P(Methods, MethodTest,
                         ::testing::Values("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));

TEST_F(ClientTest, HeadHasHeadersAndNoBody) {
  auto client = make_client(server_.url());
  ASSERT_TRUE(client);
  auto res = client->send(Request{.method = "HEAD", .path = "/"}, Mode::streaming);
  ASSERT_TRUE(res) << res.error().to_string();
  EXPECT_EQ(res->status, 200);
  EXPECT_TRUE(res->body.empty());
  EXPECT_TRUE(res->header("content-length").has_value());
}

struct JoinCase {
  std::string base_path;
  std::string request_path;
  std::string seen;
};

class PathJoinTest : public ClientTest, public ::testing::WithParamInterface<JoinCase> {};

TEST_P(PathJoinTest, ServerSeesOneSlashBetweenPrefixAndPath) {
  auto client = make_client(server_.url("http", GetParam().base_path));
  ASSERT_TRUE(client);
  auto res = client->send(Request{.path = GetParam().request_path}, Mode::buffered);
  ASSERT_TRUE(res) << res.error().to_string();
  EXPECT_EQ(res->body.substr(0, res->body.find('\n')), "GET " + GetParam().seen);
}

INSTANTIATE_TEST_SUITE_P(
    Paths, PathJoinTest,
    ::testing::Values(JoinCase{"/v1", "/models", "/v1/models"},
                      JoinCase{"/v1/", "/models", "/v1/models"},
                      JoinCase{"/v1", "models", "/v1/models"}, JoinCase{"/v1", "", "/v1"},
                      JoinCase{"", "/models", "/models"}, JoinCase{"", "", "/"},
                      JoinCase{"/", "/models", "/models"}, JoinCase{"/a/b", "/c d", "/a/b/c d"}));

TEST_F(ClientTest, QueryIsSentWithoutReencoding) {
  auto client = make_client(server_.url("http", "/v1"));
  ASSERT_TRUE(client);
  auto res = client->send(Request{.path = "/models?x=a,b+c"}, Mode::buffered);
  ASSERT_TRUE(res) << res.error().to_string();
  // httplib's server decodes '+' in a query to a space; it would see "a%2Cb%2Bc" if re-encoded.
  EXPECT_NE(res->body.find("query x: a,b c\n"), std::string::npos) << res->body;
}

TEST_F(ClientTest, UnsendableRequestsAreRejectedBeforeConnecting) {
  auto client = make_client(server_.url());
  ASSERT_TRUE(client);
  auto bad_method = client->send(Request{.method = "GE T", .path = "/"}, Mode::buffered);
  ASSERT_FALSE(bad_method);
  EXPECT_EQ(bad_method.error().id, "http.bad_request");
  auto bad_header =
      client->send(Request{.path = "/", .headers = {{"X-A", "1\r\nX-B: 2"}}}, Mode::buffered);
  ASSERT_FALSE(bad_header);
  EXPECT_EQ(bad_header.error().id, "http.bad_request");
  auto bad_path = client->send(Request{.path = "/a\nb"}, Mode::buffered);
  ASSERT_FALSE(bad_path);
  EXPECT_EQ(bad_path.error().id, "http.bad_url");
}

TEST(ClientRawBytes, NoAcceptEncodingAndEncodedBodiesStayEncoded) {
  LocalServer server;
  const std::string not_really_gzip = std::string("\x1f\x8b\x08\x00", 4) + "opaque";
  server.routes().Get("/gz", [&](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    res.set_header("X-Saw-Accept-Encoding", req.has_header("Accept-Encoding") ? "yes" : "no");
    res.set_content(not_really_gzip, "application/json");
  });
  ASSERT_TRUE(server.start());
  auto client = make_client(server.url());
  ASSERT_TRUE(client);
  auto res = client->send(Request{.path = "/gz"}, Mode::buffered);
  ASSERT_TRUE(res) << res.error().to_string();
  EXPECT_EQ(res->header("x-saw-accept-encoding"), "no");
  EXPECT_EQ(res->header("content-encoding"), "gzip");
  EXPECT_EQ(res->body, not_really_gzip);
}

TEST(ClientStreaming, RecordsEachPieceInOrderWithArrivalTimes) {
  LocalServer server;
  server.routes().Get("/stream", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/event-stream", [](size_t, httplib::DataSink& sink) {
      sink.write("data: 1\n\n", 9);
      sink.write("data: 2\n\n", 9);
      sink.write("data: [DONE]\n\n", 14);
      sink.done();
      return true;
    });
  });
  ASSERT_TRUE(server.start());
  auto client = make_client(server.url());
  ASSERT_TRUE(client);
  auto res = client->send(Request{.path = "/stream"}, Mode::streaming);
  ASSERT_TRUE(res) << res.error().to_string();
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->header("content-type"), "text/event-stream");
  EXPECT_EQ(res->body, "data: 1\n\ndata: 2\n\ndata: [DONE]\n\n");
  ASSERT_GE(res->chunks.size(), 3u);  // one per chunk of the chunked encoding, or finer
  std::string joined;
  auto previous = res->first_byte;
  for (const auto& chunk : res->chunks) {
    joined += chunk.bytes;
    EXPECT_GE(chunk.arrival, previous);
    previous = chunk.arrival;
  }
  EXPECT_EQ(joined, res->body);
  EXPECT_GE(res->total, previous);
}

class TruncatedBody : public ::testing::Test {
 protected:
  void SetUp() override {
    // The provider fails after the first piece: the server closes without the last chunk.
    server_.routes().Get("/cut", [](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("text/event-stream",
                                       [](size_t offset, httplib::DataSink& sink) {
                                         if (offset > 0) return false;
                                         sink.write("hello", 5);
                                         return true;
                                       });
    });
    ASSERT_TRUE(server_.start());
    client_ = make_client(server_.url());
    ASSERT_TRUE(client_);
  }
  LocalServer server_;
  std::unique_ptr<Client> client_;
};

TEST_F(TruncatedBody, IsAReadErrorCountingTheBytes) {
  auto res = client_->send(Request{.path = "/cut"}, Mode::streaming);
  ASSERT_FALSE(res);
  EXPECT_EQ(res.error().id, "http.read");
  EXPECT_NE(res.error().message.find("5 body bytes"), std::string::npos) << res.error().message;
}

TEST_F(TruncatedBody, IsKeptWhenAsked) {
  auto res = client_->send(Request{.path = "/cut", .keep_truncated = true}, Mode::streaming);
  ASSERT_TRUE(res) << res.error().to_string();
  EXPECT_TRUE(res->truncated);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "hello");
  EXPECT_FALSE(res->chunks.empty());
}

TEST(ClientIpv6, LiteralHostWorksWithBrackets) {
  LocalServer server;
  server.routes().Get(".*", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.get_header_value("Host"), "text/plain");
  });
  if (!server.start("::1")) GTEST_SKIP() << "no IPv6 loopback here";
  auto client = make_client(server.url("http", "/v1"));
  ASSERT_TRUE(client);
  auto res = client->send(Request{.path = "/models"}, Mode::buffered);
  ASSERT_TRUE(res) << res.error().to_string();
  EXPECT_EQ(res->body, "[::1]:" + std::to_string(server.port()));
}

}  // namespace
}  // namespace siraya::core::http
