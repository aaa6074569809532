// Record mode and replay (docs/record-replay.md) over real HTTP: a recorder mock proxies to an
// in-process upstream mock and writes fixtures; a replay mock loading the folder answers the same
// requests with byte-identical bodies; streams are relayed as they arrive; credentials never reach
// a fixture; unmatched requests fall back as rules do.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../mock_test_support.h"
#include "mock/rules/recorded_reply.h"

namespace siraya::mock::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Exchange {
  std::string method;
  std::string path;
  httplib::Headers headers;
  std::string body;
};

struct Answer {
  int status = 0;
  std::string content_type;
  std::string body;
};

Answer send(httplib::Client& client, const Exchange& e) {
  httplib::Result res = e.method == "GET" ? client.Get(e.path, e.headers)
                                          : client.Post(e.path, e.headers, e.body, "application/json");
  if (!res) {
    ADD_FAILURE() << e.method << " " << e.path << ": " << httplib::to_string(res.error());
    return {};
  }
  return Answer{res->status, res->get_header_value("Content-Type"), res->body};
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> fixtures_in(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

class RecordReplayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("siraya-record-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    Options upstream;
    upstream.fixed_clock = 1761200000;
    upstream.seed = 7;
    upstream.keys = {kKey};
    upstream_ = start_mock(upstream);
    ASSERT_NE(upstream_, nullptr);
    Options recorder;
    recorder.upstream_url = upstream_->base_url();  // ends in /v1: the API root
    recorder.record_dir = dir_.string();
    recorder_ = start_mock(recorder);
    ASSERT_NE(recorder_, nullptr);
  }
  void TearDown() override {
    // The upstream first: it ends streams the recorder still relays.
    if (upstream_) upstream_->stop();
    recorder_.reset();
    upstream_.reset();
    fs::remove_all(dir_);
  }
  std::unique_ptr<Server> replayer(bool strict_rules = false) {
    Options options;
    options.rules_files = {dir_.string()};
    options.strict_rules = strict_rules;
    options.replay_speed = 0;
    return start_mock(options);
  }

  fs::path dir_;
  std::unique_ptr<Server> upstream_;
  std::unique_ptr<Server> recorder_;
};

std::vector<Exchange> sample_exchanges() {
  const httplib::Headers bearer = auth_headers();
  const httplib::Headers anthropic = {{"x-api-key", kKey}, {"anthropic-version", "2023-06-01"}};
  json streamed = chat_request("Name three rivers.");
  streamed["stream"] = true;
  streamed["stream_options"] = {{"include_usage", true}};
  const json messages = {{"model", "anthropic/claude-sonnet-4"},
                         {"max_tokens", 64},
                         {"messages", {{{"role", "user"}, {"content", "Hello"}}}}};
  json messages_streamed = messages;
  messages_streamed["stream"] = true;
  return {
      {"POST", "/v1/chat/completions", bearer, chat_request().dump()},
      {"POST", "/v1/chat/completions", bearer, streamed.dump()},
      {"POST", "/v1/messages?beta=true", anthropic, messages.dump()},
      {"POST", "/v1/messages", anthropic, messages_streamed.dump()},
      {"POST", "/v1/embeddings", bearer, R"({"model":"openai/text-embedding-3-small","input":["a","b"]})"},
      {"GET", "/v1/models", bearer, ""},
      // A body of its own: requests that differ only in their key replay the first recording.
      {"POST", "/v1/chat/completions", {{"Authorization", "Bearer sk-wrong-key-0042"}}, chat_request("Hi?").dump()},
      {"POST", "/v1/chat/completions", bearer, R"({"model":"openai/gpt-4o","messages":[],"temperature":7})"},
  };
}

TEST_F(RecordReplayTest, RecordedExchangesReplayByteIdentical) {
  const auto exchanges = sample_exchanges();
  auto through_recorder = client_for(*recorder_);
  auto direct = client_for(*upstream_);
  std::vector<Answer> recorded;
  for (const auto& e : exchanges) {
    recorded.push_back(send(*through_recorder, e));
    // The relay changes nothing: the upstream's status and content type (bodies of errors on
    // /v1/messages carry the upstream's own request id, so only buffered successes compare).
    const Answer straight = send(*direct, e);
    EXPECT_EQ(recorded.back().status, straight.status) << e.path;
    EXPECT_EQ(recorded.back().content_type, straight.content_type) << e.path;
    if (straight.status == 200 && e.path.find("messages") == std::string::npos) {
      EXPECT_EQ(recorded.back().body, straight.body) << e.path;
    }
  }
  EXPECT_EQ(recorded[6].status, 401);
  EXPECT_EQ(recorded[7].status, 400);
  ASSERT_EQ(fixtures_in(dir_).size(), exchanges.size());
  EXPECT_EQ(fixtures_in(dir_).front().filename(), "0001-chat_completions.json");

  auto replay = replayer();
  ASSERT_NE(replay, nullptr);
  auto client = client_for(*replay);
  for (std::size_t i = 0; i < exchanges.size(); ++i) {
    const Answer again = send(*client, exchanges[i]);
    EXPECT_EQ(again.status, recorded[i].status) << exchanges[i].path;
    EXPECT_EQ(again.content_type, recorded[i].content_type) << exchanges[i].path;
    EXPECT_EQ(again.body, recorded[i].body) << exchanges[i].path;
  }
}

TEST_F(RecordReplayTest, AStreamIsRecordedEventByEventWithItsTiming) {
  json body = chat_request("Count to five.");
  body["stream"] = true;
  body["max_tokens"] = 5;  // a short stream: a few events 100 ms apart
  httplib::Headers headers = auth_headers();
  headers.emplace("x-siraya-mock", "interval=100");  // relayed to the upstream like any header
  auto client = client_for(*recorder_);
  auto res = client->Post("/v1/chat/completions", headers, body.dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const auto files = fixtures_in(dir_);
  ASSERT_EQ(files.size(), 1u);
  const json fixture = json::parse(read_file(files[0]));
  const json& rule = fixture["rules"][0];
  EXPECT_EQ(rule["when"]["endpoint"], "chat_completions");
  EXPECT_EQ(rule["when"]["body"]["equals"], body);
  const json& recorded = rule["reply"]["recorded"];
  EXPECT_EQ(recorded["status"], 200);
  EXPECT_EQ(recorded["content_type"], "text/event-stream");
  ASSERT_GE(recorded["events"].size(), 4u);
  std::string joined;
  for (const auto& e : recorded["events"]) joined += e["data"].get<std::string>();
  EXPECT_EQ(joined, res->body);
  EXPECT_EQ(recorded["events"].back()["data"], "data: [DONE]\n\n");
  // The upstream waited 100 ms before every event after the first: events 1 .. n-1 were sent over
  // at least (n - 2) x 100 ms, so their recorded delays add up to at least that much, however the
  // network bunched single arrivals (the first event's own latency is the one interval of slack).
  const std::size_t n = recorded["events"].size();
  long long total = 0;
  for (std::size_t i = 1; i < n; ++i) {
    EXPECT_GE(recorded["events"][i]["delay_ms"].get<int>(), 0) << "event " << i;
    total += recorded["events"][i]["delay_ms"].get<int>();
  }
  EXPECT_GE(total, static_cast<long long>(n - 2) * 100);
}

TEST_F(RecordReplayTest, StreamsAreRelayedAsTheyArriveNotBuffered) {
  // The upstream sends two events and then stalls for ten minutes: a relay that buffered would
  // deliver nothing before the client's 10 s read timeout.
  json body = chat_request("Count to five.");
  body["stream"] = true;
  httplib::Headers headers = auth_headers();
  headers.emplace("x-siraya-mock", "fault=stall;after=2;for=600000");
  auto client = client_for(*recorder_);
  std::string received;
  int chunks = 0;
  httplib::Request req;
  req.method = "POST";
  req.path = "/v1/chat/completions";
  req.headers = headers;
  req.headers.emplace("Content-Type", "application/json");
  req.body = body.dump();
  req.content_receiver = [&](const char* data, std::size_t size, std::uint64_t, std::uint64_t) {
    received.append(data, size);
    ++chunks;
    return received.find("\n\n", received.find("\n\n") + 2) == std::string::npos;  // stop after two events
  };
  httplib::Response res;
  httplib::Error error = httplib::Error::Success;
  EXPECT_FALSE(client->send(req, res, error));  // the client gave up after two events
  EXPECT_EQ(error, httplib::Error::Canceled);
  EXPECT_EQ(res.status, 200);
  EXPECT_NE(received.find("data: {"), std::string::npos);
  EXPECT_GE(chunks, 1);
  // An exchange that did not end is not recorded.
  upstream_->stop();
  recorder_.reset();
  EXPECT_TRUE(fixtures_in(dir_).empty());
}

TEST_F(RecordReplayTest, CredentialsNeverReachAFixture) {
  const std::string secret = "sk-test-key";
  json body = chat_request("My key is sk-test-key, keep it safe.");
  auto client = client_for(*recorder_);
  ASSERT_EQ(send(*client, {"POST", "/v1/chat/completions", auth_headers(), body.dump()}).status, 200);
  ASSERT_EQ(send(*client, {"POST", "/v1/messages", {{"x-api-key", secret}, {"anthropic-version", "2023-06-01"}},
                           R"({"model":"anthropic/claude-sonnet-4","max_tokens":8,"messages":[{"role":"user","content":"hi"}]})"})
                .status,
            200);
  const auto files = fixtures_in(dir_);
  ASSERT_EQ(files.size(), 2u);
  for (const auto& f : files) {
    const std::string text = read_file(f);
    EXPECT_EQ(text.find(secret), std::string::npos) << f;
  }
  const json fixture = json::parse(read_file(files[0]));
  EXPECT_EQ(fixture["rules"][0]["when"]["body"]["equals"]["messages"][0]["content"], "My key is [redacted], keep it safe.");
}

TEST_F(RecordReplayTest, UnrecordedRequestsFallBackAsRulesDo) {
  auto client = client_for(*recorder_);
  ASSERT_EQ(send(*client, {"POST", "/v1/chat/completions", auth_headers(), chat_request("Tell me about rivers.").dump()}).status,
            200);
  {
    auto replay = replayer();
    auto c = client_for(*replay);
    const Answer generated = send(*c, {"POST", "/v1/chat/completions", auth_headers(), chat_request("Something else").dump()});
    EXPECT_EQ(generated.status, 200);  // generated, as without rules
    EXPECT_TRUE(json::parse(generated.body).contains("choices"));
  }
  auto strict = replayer(true);
  auto c = client_for(*strict);
  const Answer refused = send(*c, {"POST", "/v1/chat/completions", auth_headers(), chat_request("Something else").dump()});
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("the body differs at /messages/0/content"), std::string::npos) << refused.body;
}

TEST_F(RecordReplayTest, AnUnreachableUpstreamIsA502InThePathsEnvelope) {
  upstream_->stop();
  auto client = client_for(*recorder_);
  const Answer chat = send(*client, {"POST", "/v1/chat/completions", auth_headers(), chat_request().dump()});
  EXPECT_EQ(chat.status, 502);
  const json error = json::parse(chat.body);
  EXPECT_EQ(error["error"]["code"], 502);
  EXPECT_NE(error["error"]["message"].get<std::string>().find("upstream"), std::string::npos);
  const Answer messages = send(*client, {"POST", "/v1/messages", {{"x-api-key", kKey}}, "{}"});
  EXPECT_EQ(messages.status, 502);
  EXPECT_EQ(json::parse(messages.body)["type"], "error");  // the superset body
  EXPECT_TRUE(fixtures_in(dir_).empty());
}

TEST(RecordOptions, RecordToNeedsAnUpstream) {
  Options options;
  options.port = 0;
  options.record_dir = (fs::temp_directory_path() / "siraya-record-unused").string();
  auto server = Server::start(options);
  ASSERT_FALSE(server);
  EXPECT_EQ(server.error().id, "mock.upstream");
  options.record_dir.clear();
  options.upstream_url = "ftp://gateway.example";
  server = Server::start(options);
  ASSERT_FALSE(server);
  EXPECT_EQ(server.error().id, "mock.upstream");
}

TEST(ReplayPlan, DelaysAreDividedByTheSpeed) {
  rules::RecordedReply reply;
  reply.streamed = true;
  reply.first_byte = std::chrono::milliseconds{100};
  reply.events = {{std::chrono::milliseconds{0}, "data: 1\n\n"}, {std::chrono::milliseconds{50}, "data: 2\n\n"}};
  auto plan = rules::replay_plan(reply, 2.0);
  EXPECT_EQ(plan.first_byte_delay.count(), 50);
  EXPECT_EQ(plan.event_delays, (std::vector<std::chrono::milliseconds>{std::chrono::milliseconds{0}, std::chrono::milliseconds{25}}));
  EXPECT_EQ(plan.events, (std::vector<std::string>{"data: 1\n\n", "data: 2\n\n"}));
  plan = rules::replay_plan(reply, 0.0);
  EXPECT_EQ(plan.first_byte_delay.count(), 0);
  EXPECT_EQ(plan.event_delays[1].count(), 0);
  plan = rules::replay_plan(reply, 1.0);
  EXPECT_EQ(plan.event_delays[1].count(), 50);
}

}  // namespace
}  // namespace siraya::mock::testing
