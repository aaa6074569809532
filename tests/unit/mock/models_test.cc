// GET /v1/models (reference embeddings-rerank-models.md §3).
#include <set>

#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using ModelsTest = MockTest;

TEST_F(ModelsTest, ListShape) {
  auto res = client().Get("/v1/models", auth_headers());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  const auto body = json_of(res);
  EXPECT_EQ(body["object"], "list");
  ASSERT_TRUE(body["data"].is_array());
  std::set<std::string> ids;
  for (const auto& m : body["data"]) {
    const std::string id = m["id"];
    ids.insert(id);
    EXPECT_EQ(m["object"], "model");
    EXPECT_TRUE(m["created"].is_number_integer());
    EXPECT_EQ(m["owned_by"], id.substr(0, id.find('/')));
    EXPECT_TRUE(m["type"] == "chat" || m["type"] == "embedding" || m["type"] == "rerank");
    EXPECT_TRUE(m["name"].is_string());
    EXPECT_TRUE(m["context_length"].is_number_integer());
    EXPECT_TRUE(m["pricing"]["prompt"].is_string());
    EXPECT_TRUE(m["pricing"]["completion"].is_string());
  }
  for (const char* id : {"openai/gpt-4o", "openai/gpt-4o-mini", "anthropic/claude-sonnet-4.5",
                         "google/gemini-2.5-flash", "meta-llama/llama-3.3-70b-instruct",
                         "openai/text-embedding-3-small", "cohere/rerank-v3.5"}) {
    EXPECT_TRUE(ids.count(id)) << id;
  }
}

TEST_F(ModelsTest, KindsAndLimits) {
  const auto body = json_of(client().Get("/v1/models", auth_headers()));
  for (const auto& m : body["data"]) {
    if (m["id"] == "openai/text-embedding-3-small") {
      EXPECT_EQ(m["type"], "embedding");
      EXPECT_EQ(m["dimensions"], 1536);
    }
    if (m["id"] == "cohere/rerank-v3.5") {
      EXPECT_EQ(m["type"], "rerank");
    }
    if (m["type"] == "chat") {
      EXPECT_GT(m["max_completion_tokens"].get<int>(), 0);
    }
  }
}

TEST_F(ModelsTest, SameBodyEveryTime) {
  EXPECT_EQ(client().Get("/v1/models", auth_headers())->body, client().Get("/v1/models", auth_headers())->body);
}

}  // namespace
}  // namespace siraya::mock::testing
