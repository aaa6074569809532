// The configuration file's faults (mock/faults/configured_faults.h, docs/mock-config.md "Faults"):
// the x-siraya-mock vocabulary applied to a seeded share of the matching requests, after the
// header and the rules, which replace them.
#include "mock/faults/configured_faults.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/schema/registry.h"
#include "mock/config/config_loader.h"
#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

const core::schema::Registry& schemas() {
  static const auto registry = core::schema::Registry::embedded();
  return **registry;
}

// The faults of a configuration document, read by the loader (so the tests use the file format).
std::shared_ptr<const config::Config> config_with(const json& faults) {
  auto config = config::parse_config(json{{"version", 1}, {"faults", faults}}, "test.json", schemas());
  EXPECT_TRUE(config) << config.error().to_string();
  return std::make_shared<const config::Config>(config ? *config : config::Config{});
}

json stream_request(const std::string& model = "openai/gpt-4o", const std::string& prompt = "Tell me about rivers.") {
  json body = chat_request(prompt);
  body["model"] = model;
  body["stream"] = true;
  return body;
}

std::size_t events_in(const std::string& sse) {
  std::size_t n = 0;
  for (std::size_t at = sse.find("data: "); at != std::string::npos; at = sse.find("data: ", at + 1)) ++n;
  return n;
}

class ConfiguredFaultsTest : public MockTest {
 protected:
  void SetUp() override {}
  void start(const json& faults, std::uint64_t seed = 7, const std::string& admin_token = "") {
    Options options;
    options.seed = seed;
    options.config = config_with(faults);
    options.admin_token = admin_token;
    restart(std::move(options));
  }
  // The statuses of `prompts` sent once each, in order.
  std::vector<int> statuses(const std::vector<std::string>& prompts) {
    std::vector<int> out;
    for (const auto& p : prompts) {
      auto r = post_chat(client(), chat_request(p));
      out.push_back(r ? r->status : -1);
    }
    return out;
  }
};

std::vector<std::string> distinct_prompts(std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back("Question number " + std::to_string(i) + " about rivers.");
  return out;
}

TEST_F(ConfiguredFaultsTest, ProbabilityOneFaultsEveryMatchingRequest) {
  start(json::array({{{"match", {{"endpoint", "/v1/chat/completions"}, {"model", "openai/gpt-4o"}}},
                      {"directive", "fault=truncate;after=2"}}}));
  auto cut = post_chat(client(), stream_request());
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->status, 200);
  EXPECT_EQ(events_in(cut->body), 2u) << cut->body;
  EXPECT_EQ(cut->body.find("[DONE]"), std::string::npos);
  auto other_model = post_chat(client(), stream_request("openai/gpt-4o-mini"));
  ASSERT_TRUE(other_model);
  EXPECT_NE(other_model->body.find("data: [DONE]"), std::string::npos);
  const json embeddings = {{"model", "openai/text-embedding-3-small"}, {"input", "rivers"}};
  auto other_endpoint = client().Post("/v1/embeddings", auth_headers(), embeddings.dump(), "application/json");
  ASSERT_TRUE(other_endpoint);
  EXPECT_EQ(other_endpoint->status, 200);
}

TEST_F(ConfiguredFaultsTest, ModelMatchesByIdOrAlias) {
  start(json::array({{{"match", {{"model", "claude-sonnet-4-5"}}}, {"directive", "status=502"}}}));
  json body = chat_request();
  body["model"] = "anthropic/claude-sonnet-4.5";
  EXPECT_EQ(post_chat(client(), body)->status, 502);
  body["model"] = "claude-sonnet-4-5-20250929";
  EXPECT_EQ(post_chat(client(), body)->status, 502);
  EXPECT_EQ(post_chat(client(), chat_request())->status, 200);
}

TEST_F(ConfiguredFaultsTest, ForcedStatusNamesTheConfiguredFault) {
  start(json::array({{{"match", {{"endpoint", json::array({"/v1/responses", "/v1/chat/completions"})}}},
                      {"directive", "status=503;retry-after=4;should-retry=false"}}}));
  auto r = post_chat(client(), chat_request());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  EXPECT_EQ(r->get_header_value("retry-after"), "4");
  EXPECT_EQ(r->get_header_value("x-should-retry"), "false");
  const std::string message = json_of(r)["error"]["message"];
  EXPECT_NE(message.find("injected by the configuration's faults[0]"), std::string::npos) << message;
}

TEST_F(ConfiguredFaultsTest, ProbabilityZeroNeverFires) {
  start(json::array({{{"probability", 0}, {"directive", "status=500"}}}));
  for (int status : statuses(distinct_prompts(20))) EXPECT_EQ(status, 200);
}

TEST_F(ConfiguredFaultsTest, DrawsAreSeededAndReproducible) {
  const json faults = json::array({{{"probability", 0.5}, {"directive", "status=503"}}});
  const auto prompts = distinct_prompts(24);
  start(faults, 7);
  const std::vector<int> first = statuses(prompts);
  const auto faulted = std::count(first.begin(), first.end(), 503);
  EXPECT_GE(faulted, 4);
  EXPECT_LE(faulted, 20);
  EXPECT_EQ(std::count(first.begin(), first.end(), 200) + faulted, 24);
  start(faults, 7);
  EXPECT_EQ(statuses(prompts), first);  // a new server with the same seed draws the same
  start(faults, 8);
  EXPECT_NE(statuses(prompts), first);  // another seed draws otherwise
}

TEST_F(ConfiguredFaultsTest, ARepeatedRequestDrawsAgainAndResetStartsOver) {
  start(json::array({{{"probability", 0.5}, {"directive", "status=503"}}}), 7, "admin-secret");
  const std::vector<std::string> same(24, "The same question every time.");
  const std::vector<int> first = statuses(same);
  // A retry of the same body is a new draw, so an SDK retry can get through.
  EXPECT_NE(std::count(first.begin(), first.end(), 503), 0);
  EXPECT_NE(std::count(first.begin(), first.end(), 200), 0);
  auto reset = client().Post("/__admin/reset", {{"Authorization", "Bearer admin-secret"}}, "", "application/json");
  ASSERT_TRUE(reset);
  ASSERT_EQ(reset->status, 200);
  EXPECT_EQ(statuses(same), first);
}

TEST_F(ConfiguredFaultsTest, TheHeaderWinsOverConfiguredFaults) {
  start(json::array({{{"directive", "status=503"}}}));
  EXPECT_EQ(post_chat(client(), chat_request())->status, 503);
  auto headers = auth_headers();
  headers.emplace("x-siraya-mock", "should-retry=false");
  auto r = post_chat(client(), chat_request(), headers);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("x-should-retry"), "false");
  headers = auth_headers();
  headers.emplace("x-siraya-mock", "status=429");
  EXPECT_EQ(post_chat(client(), chat_request(), headers)->status, 429);
}

TEST_F(ConfiguredFaultsTest, ARulesDirectivesWinButARuleWithOnlyContentDoesNot) {
  start(json::array({{{"directive", "status=503"}}}), 7, "admin-secret");
  const json rules = {{"version", 1},
                      {"rules",
                       {{{"when", {{"user_text", "timed"}}}, {"reply", {{"text", "scripted"}, {"timing", {{"delay", 1}}}}}},
                        {{"when", {{"user_text", "plain"}}}, {"reply", {{"text", "scripted"}}}}}}};
  auto loaded = client().Post("/__admin/rules", {{"Authorization", "Bearer admin-secret"}}, rules.dump(), "application/json");
  ASSERT_TRUE(loaded);
  ASSERT_EQ(loaded->status, 200) << loaded->body;
  auto with_directives = post_chat(client(), chat_request("timed"));
  ASSERT_TRUE(with_directives);
  EXPECT_EQ(with_directives->status, 200);
  EXPECT_EQ(json_of(with_directives)["choices"][0]["message"]["content"], "scripted");
  EXPECT_EQ(post_chat(client(), chat_request("plain"))->status, 503);
}

TEST_F(ConfiguredFaultsTest, StreamOnlyDirectivesDoNotMatchBufferedRequests) {
  start(json::array({{{"directive", "fault=drop-terminal"}}, {{"match", {{"endpoint", "/v1/chat/completions"}}},
                                                              {"directive", "status=502"}}}));
  auto streamed = post_chat(client(), stream_request());
  ASSERT_TRUE(streamed);
  EXPECT_EQ(streamed->status, 200);
  EXPECT_EQ(streamed->body.find("[DONE]"), std::string::npos);
  // The first fault cannot act on a buffered answer, so the second one applies.
  EXPECT_EQ(post_chat(client(), chat_request())->status, 502);
}

TEST(ConfiguredFaultsDraw, IsAPureFunctionOfSeedBodyFaultAndOccurrence) {
  using faults::ConfiguredFaults;
  const double d = ConfiguredFaults::draw(7, "body", 0, 0);
  EXPECT_GE(d, 0.0);
  EXPECT_LT(d, 1.0);
  EXPECT_EQ(ConfiguredFaults::draw(7, "body", 0, 0), d);
  EXPECT_NE(ConfiguredFaults::draw(8, "body", 0, 0), d);
  EXPECT_NE(ConfiguredFaults::draw(7, "other", 0, 0), d);
  EXPECT_NE(ConfiguredFaults::draw(7, "body", 1, 0), d);
  EXPECT_NE(ConfiguredFaults::draw(7, "body", 0, 1), d);
}

TEST(FaultsForTransport, BufferedResponsesKeepOnlyWhatTheyCanCarry) {
  faults::Directives d;
  d.fault = faults::FaultKind::error;
  d.after = 2;
  d.code = 503;
  d.interval = std::chrono::milliseconds(5);
  d.delay = std::chrono::milliseconds(9);
  const faults::Directives buffered = faults::for_transport(d, false);
  EXPECT_EQ(buffered.fault, faults::FaultKind::none);
  EXPECT_FALSE(buffered.after);
  EXPECT_FALSE(buffered.code);
  EXPECT_EQ(buffered.interval.count(), 0);
  EXPECT_EQ(buffered.delay.count(), 9);
  EXPECT_TRUE(buffered.acts_on_plan());  // the delay stays
  EXPECT_EQ(faults::for_transport(d, true).fault, faults::FaultKind::error);
  faults::Directives close;
  close.fault = faults::FaultKind::close;
  close.after = 3;
  const faults::Directives closed = faults::for_transport(close, false);
  EXPECT_EQ(closed.fault, faults::FaultKind::close);  // before the first byte
  EXPECT_FALSE(closed.after);
}

}  // namespace
}  // namespace siraya::mock::testing
