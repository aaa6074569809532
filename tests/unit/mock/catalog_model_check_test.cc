// resolve_model and check_context_length (mock/catalog/model_check.h): the one model check every
// endpoint uses.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "mock/catalog.h"
#include "mock/catalog/model_check.h"

namespace siraya::mock {
namespace {

using nlohmann::json;

std::string message_of(const ModelLookup& lookup) { return lookup.error ? lookup.error->message : std::string(); }

TEST(ResolveModel, AcceptsIdsAndAliasesServedOnThePath) {
  const auto catalog = Catalog::builtin();
  ModelLookup lookup = resolve_model({{"model", "openai/gpt-4o"}}, *catalog, "/v1/chat/completions");
  ASSERT_FALSE(lookup.error);
  EXPECT_EQ(lookup.model->id, "openai/gpt-4o");
  lookup = resolve_model({{"model", "claude-haiku-4-5"}}, *catalog, "/v1/messages");
  ASSERT_FALSE(lookup.error);
  EXPECT_EQ(lookup.model->id, "anthropic/claude-haiku-4.5");
}

TEST(ResolveModel, MissingOrNotAString) {
  const auto catalog = Catalog::builtin();
  for (const json& body : {json::object(), json{{"model", nullptr}}, json{{"model", 7}}, json{{"model", ""}},
                           json{{"model", json::array()}}}) {
    const ModelLookup lookup = resolve_model(body, *catalog, "/v1/embeddings");
    ASSERT_TRUE(lookup.error) << body;
    EXPECT_EQ(lookup.error->status, 400);
    EXPECT_EQ(lookup.error->param, "model");
    EXPECT_EQ(lookup.model, nullptr);
  }
  EXPECT_NE(message_of(resolve_model({{"model", 7}}, *catalog, "/v1/embeddings")).find("openai/text-embedding-3-small"),
            std::string::npos);
}

TEST(ResolveModel, UnknownModelsGetTheClosestId) {
  const auto catalog = Catalog::builtin();
  EXPECT_NE(message_of(resolve_model({{"model", "gpt-4o"}}, *catalog, "/v1/chat/completions")).find("Did you mean \"openai/gpt-4o\"?"),
            std::string::npos);
  EXPECT_NE(message_of(resolve_model({{"model", "openai/gpt4o-mini"}}, *catalog, "/v1/responses")).find("\"openai/gpt-4o-mini\""),
            std::string::npos);
  EXPECT_NE(message_of(resolve_model({{"model", "cohere/rerank-v3"}}, *catalog, "/v1/rerank")).find("\"cohere/rerank-v3.5\""),
            std::string::npos);
  const std::string far = message_of(resolve_model({{"model", "zzzzzzzz/qqqqqqqq"}}, *catalog, "/v1/chat/completions"));
  EXPECT_NE(far.find("does not exist"), std::string::npos);
  EXPECT_EQ(far.find("Did you mean"), std::string::npos) << far;
}

TEST(ResolveModel, ModelsOnTheWrongEndpoint) {
  const auto catalog = Catalog::builtin();
  const std::string m = message_of(resolve_model({{"model", "openai/text-embedding-3-small"}}, *catalog, "/v1/chat/completions"));
  EXPECT_NE(m.find("is an embedding model and is not served on /v1/chat/completions"), std::string::npos) << m;
  EXPECT_NE(m.find("openai/gpt-4o"), std::string::npos) << m;
  EXPECT_TRUE(resolve_model({{"model", "openai/gpt-4o"}}, *catalog, "/v1/rerank").error);
  EXPECT_TRUE(resolve_model({{"model", "cohere/rerank-v3.5"}}, *catalog, "/v1/embeddings").error);
}

TEST(ContextLength, AtTheLimitPassesAboveFails) {
  const Model* model = Catalog::builtin()->find("openai/text-embedding-3-small");
  ASSERT_NE(model, nullptr);
  EXPECT_FALSE(check_context_length(*model, 8192, "input"));
  const auto error = check_context_length(*model, 8193, "input[2]");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->status, 400);
  EXPECT_EQ(error->param, "input[2]");
  EXPECT_NE(error->message.find("8193"), std::string::npos);
  EXPECT_FALSE(check_context_length(*Catalog::builtin(), "claude-sonnet-4-5", 1000000, "messages"));
  EXPECT_TRUE(check_context_length(*Catalog::builtin(), "claude-sonnet-4-5", 1000001, "messages"));
}

}  // namespace
}  // namespace siraya::mock
