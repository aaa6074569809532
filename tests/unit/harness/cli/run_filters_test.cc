// --endpoint and --shard: parsing, endpoint families, and a stable split that covers every case
// exactly once.
#include "harness/cli/run_filters.h"

#include <gtest/gtest.h>

#include "harness/cli/run_command.h"

namespace siraya::harness {
namespace {

Case case_at(const std::string& id, const std::string& path) {
  Case c;
  c.id = id;
  Step step;
  step.request.method = "POST";
  step.request.path = path;
  c.steps.push_back(step);
  return c;
}

std::vector<Suite> sample() {
  Suite s;
  s.name = "mixed";
  s.cases = {case_at("models", "/models"), case_at("chat", "/chat/completions"), case_at("resp", "/responses"),
             case_at("msg", "/messages"), case_at("emb", "/embeddings"), case_at("rr", "/rerank"),
             case_at("nowhere", "/v2/nothing"), case_at("query", "/chat/completions?x=1")};
  for (int i = 0; i < 40; ++i) s.cases.push_back(case_at("extra-" + std::to_string(i), "/models"));
  return {s};
}

TEST(RunFilters, ParsesShards) {
  auto s = parse_shard("2/4");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->index, 1u);
  EXPECT_EQ(s->count, 4u);
  for (const char* bad : {"0/4", "5/4", "1/0", "1", "a/b", "1/2/3", "", "-1/2"}) {
    auto r = parse_shard(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().id, "usage");
  }
}

TEST(RunFilters, ShardsCoverEveryCaseExactlyOnce) {
  const auto suites = sample();
  std::map<std::string, int> seen;
  for (std::size_t i = 1; i <= 3; ++i) {
    RunCommand command;
    command.shard = std::to_string(i) + "/3";
    auto part = suites;
    ASSERT_TRUE(apply_run_filters(command, part));
    std::size_t n = 0;
    for (const auto& s : part) {
      for (const auto& c : s.cases) {
        ++seen[c.id];
        ++n;
      }
    }
    EXPECT_GT(n, 0u) << "48 cases leave no shard of 3 empty";
  }
  EXPECT_EQ(seen.size(), suites[0].cases.size());
  for (const auto& [id, count] : seen) EXPECT_EQ(count, 1) << id;
}

TEST(RunFilters, AShardDoesNotDependOnTheOtherCases) {
  auto all = sample();
  auto fewer = sample();
  fewer[0].cases.erase(fewer[0].cases.begin() + 10, fewer[0].cases.end());
  RunCommand command;
  command.shard = "2/3";
  ASSERT_TRUE(apply_run_filters(command, all));
  ASSERT_TRUE(apply_run_filters(command, fewer));
  for (const auto& c : fewer.empty() ? std::vector<Case>{} : fewer[0].cases) {
    EXPECT_TRUE(std::any_of(all[0].cases.begin(), all[0].cases.end(), [&](const Case& x) { return x.id == c.id; }))
        << c.id;
  }
}

TEST(RunFilters, EndpointFamilies) {
  const auto suites = sample();
  std::map<std::string, std::string> family;
  for (const auto& c : suites[0].cases) family[c.id] = endpoint_family(c);
  EXPECT_EQ(family["models"], "models");
  EXPECT_EQ(family["chat"], "chat");
  EXPECT_EQ(family["query"], "chat");
  EXPECT_EQ(family["resp"], "responses");
  EXPECT_EQ(family["msg"], "messages");
  EXPECT_EQ(family["emb"], "embeddings");
  EXPECT_EQ(family["rr"], "rerank");
  EXPECT_EQ(family["nowhere"], "other");

  RunCommand command;
  command.endpoints = {"chat,responses", "messages"};
  auto part = suites;
  ASSERT_TRUE(apply_run_filters(command, part));
  std::vector<std::string> ids;
  for (const auto& c : part[0].cases) ids.push_back(c.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"chat", "resp", "msg", "query"}));

  command.endpoints = {"chat_completions"};
  part = suites;
  ASSERT_TRUE(apply_run_filters(command, part));
  EXPECT_EQ(part[0].cases.size(), 2u);

  command.endpoints = {"chat,files"};
  part = suites;
  auto bad = apply_run_filters(command, part);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("\"files\""), std::string::npos);
  EXPECT_NE(bad.error().fix.find("responses"), std::string::npos);
}

TEST(RunFilters, SuitesLeftWithoutCasesAreDropped) {
  auto suites = sample();
  RunCommand command;
  command.endpoints = {"rerank"};
  Suite only_chat;
  only_chat.name = "only-chat";
  only_chat.cases = {case_at("c", "/chat/completions")};
  suites.push_back(only_chat);
  ASSERT_TRUE(apply_run_filters(command, suites));
  ASSERT_EQ(suites.size(), 1u);
  EXPECT_EQ(suites[0].name, "mixed");
}

}  // namespace
}  // namespace siraya::harness
