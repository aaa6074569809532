// Determinism (docs/determinism.md): with a fixed clock every body and stream is a pure function
// of (seed, request) in every dialect; x-siraya-seed overrides --seed for one request, and a bad
// value is a 400 naming the header.
#include <chrono>

#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

constexpr std::int64_t kClock = 1761200000;

struct Dialect {
  const char* name;
  const char* path;
  json body;
};

json tool_schema() {
  return json::parse(R"({"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer"}},
    "required":["city","days"]})");
}

// One request per dialect that exercises text, a tool call and (where the dialect has it) reasoning.
std::vector<Dialect> dialects() {
  json chat = chat_request("Call get_weather for Paris.");
  chat["tools"] = {{{"type", "function"}, {"function", {{"name", "get_weather"}, {"parameters", tool_schema()}}}}};
  json responses = {{"model", "openai/gpt-4o"}, {"input", "Tell me about rivers."}, {"reasoning", {{"summary", "auto"}}}};
  json messages = {{"model", "anthropic/claude-sonnet-4.5"},
                   {"max_tokens", 2048},
                   {"thinking", {{"type", "enabled"}, {"budget_tokens", 1024}}},
                   {"messages", {{{"role", "user"}, {"content", "Tell me about rivers."}}}}};
  return {{"chat", "/v1/chat/completions", chat}, {"responses", "/v1/responses", responses},
          {"messages", "/v1/messages", messages}};
}

httplib::Headers headers_with_seed(const char* seed) {
  httplib::Headers h = auth_headers();
  h.emplace("anthropic-version", "2023-06-01");
  if (seed) h.emplace("x-siraya-seed", seed);
  return h;
}

class DeterminismTest : public MockTest {
 protected:
  void SetUp() override {
    Options options;
    options.strict = true;
    options.seed = 7;
    options.fixed_clock = kClock;
    restart(options);
  }
  std::string post(const Dialect& d, bool stream, const char* seed = nullptr) {
    json body = d.body;
    if (stream) body["stream"] = true;
    auto res = client().Post(d.path, headers_with_seed(seed), body.dump(), "application/json");
    EXPECT_TRUE(res);
    if (!res) return {};
    EXPECT_EQ(res->status, 200) << d.name << ": " << res->body;
    return res->body;
  }
};

TEST_F(DeterminismTest, SameRequestGivesByteIdenticalBodiesAndStreams) {
  for (const auto& d : dialects()) {
    for (bool stream : {false, true}) {
      const std::string first = post(d, stream);
      ASSERT_FALSE(first.empty()) << d.name;
      EXPECT_EQ(first, post(d, stream)) << d.name << (stream ? " stream" : " body");
    }
  }
}

TEST_F(DeterminismTest, SeedHeaderChangesIdsAndIsItselfDeterministic) {
  for (const auto& d : dialects()) {
    const json base = json::parse(post(d, false), nullptr, false);
    const json other = json::parse(post(d, false, "8"), nullptr, false);
    ASSERT_TRUE(base.is_object() && other.is_object()) << d.name;
    EXPECT_NE(base["id"], other["id"]) << d.name;
    EXPECT_EQ(post(d, false, "8"), post(d, false, "8")) << d.name;
    EXPECT_EQ(post(d, true, "8"), post(d, true, "8")) << d.name;
    // The header naming the server's own seed changes nothing.
    EXPECT_EQ(post(d, false, "7"), post(d, false)) << d.name;
  }
}

TEST_F(DeterminismTest, SameSeedHeaderGivesSameBodyOnAnotherServerSeed) {
  const Dialect d = dialects().front();
  const std::string pinned = post(d, false, "42");
  Options options;
  options.strict = true;
  options.seed = 99;
  options.fixed_clock = kClock;
  restart(options);
  EXPECT_EQ(post(d, false, "42"), pinned);
  EXPECT_NE(post(d, false), pinned);
}

TEST_F(DeterminismTest, TimestampsAreTheFixedClock) {
  const auto all = dialects();
  EXPECT_EQ(json::parse(post(all[0], false))["created"], kClock);
  const json response = json::parse(post(all[1], false));
  EXPECT_EQ(response["created_at"], kClock);
  EXPECT_EQ(response["completed_at"], kClock);
}

TEST_F(DeterminismTest, WithoutFixedClockTimestampsAreRealTime) {
  Options options;
  options.strict = true;
  restart(options);
  const auto before = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch()).count();
  const auto all = dialects();
  EXPECT_GE(json::parse(post(all[0], false))["created"].get<std::int64_t>(), before);
  EXPECT_GE(json::parse(post(all[1], false))["created_at"].get<std::int64_t>(), before);
}

TEST_F(DeterminismTest, BadSeedHeaderIsA400NamingTheHeader) {
  // (Surrounding white space is not part of a header value, RFC 9110 §5.5, so " 5" is 5.)
  for (const char* bad : {"abc", "-1", "+3", "5 6", "1.5", "0x10", "18446744073709551616"}) {
    for (const auto& d : dialects()) {
      auto res = client().Post(d.path, headers_with_seed(bad), d.body.dump(), "application/json");
      ASSERT_TRUE(res);
      ASSERT_EQ(res->status, 400) << d.name << " seed '" << bad << "'";
      const json body = json_of(res);
      EXPECT_EQ(body["error"]["param"], "x-siraya-seed") << res->body;
      EXPECT_NE(body["error"]["message"].get<std::string>().find("x-siraya-seed"), std::string::npos);
      if (std::string(d.name) == "messages") {
        EXPECT_EQ(body["type"], "error") << "superset body (README §4.3)";
      }
    }
  }
}

TEST_F(DeterminismTest, LargestSeedIsAccepted) {
  const Dialect d = dialects().front();
  EXPECT_FALSE(post(d, false, "18446744073709551615").empty());
}

}  // namespace
}  // namespace siraya::mock::testing
