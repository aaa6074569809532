// The built-in catalog (mock/catalog/default_catalog.json) and the Catalog lookups.
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/schema/registry.h"
#include "mock/catalog.h"
#include "mock/catalog/catalog_loader.h"

namespace siraya::mock {
namespace {

using nlohmann::json;

TEST(BuiltinCatalog, ConformsToItsSchema) {
  auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas) << schemas.error().to_string();
  const json doc = json::parse(default_catalog_text(), nullptr, false);
  ASSERT_FALSE(doc.is_discarded());
  const core::Findings findings = (*schemas)->validate("mock/catalog.json", doc, "default_catalog.json");
  for (const auto& f : findings) ADD_FAILURE() << f.to_string();
  EXPECT_TRUE(parse_catalog(default_catalog_text(), "default", schemas->get()));
}

TEST(BuiltinCatalog, CoversTheModelsOfTheReference) {
  const auto catalog = Catalog::builtin();
  for (const char* id : {"openai/gpt-4o", "openai/gpt-4o-mini", "anthropic/claude-sonnet-4.5", "openai/o3",
                         "openai/gpt-5", "google/gemini-2.5-flash", "meta-llama/llama-3.3-70b-instruct",
                         "openai/text-embedding-3-small", "cohere/rerank-v3.5", "mock/mock-model"}) {
    EXPECT_NE(catalog->find(id), nullptr) << id;
  }
  std::set<ModelType> kinds;
  for (const auto& m : catalog->models()) kinds.insert(m.type);
  EXPECT_EQ(kinds.size(), 3u);
}

// The model names the agent CLIs send by default (reference agent-clients.md): Claude Code
// 2.1.330 claude-opus-5-5 with max_tokens 128000, 2.1.197 claude-opus-4-8, --model
// claude-sonnet-4-5 / claude-haiku-4-5 on /v1/messages; Codex gpt-5-codex on /v1/responses;
// opencode and Qwen Code mock/mock-model or mock-model on every dialect.
TEST(BuiltinCatalog, ServesTheAgentClientsDefaultModels) {
  const auto catalog = Catalog::builtin();
  struct Expected {
    const char* name;
    const char* id;
    const char* endpoint;
    std::int64_t max_tokens;  // what the client sends
  };
  for (const Expected& e : {Expected{"claude-opus-5-5", "anthropic/claude-opus-5.5", "/v1/messages", 128000},
                            Expected{"claude-opus-4-8", "anthropic/claude-opus-4.8", "/v1/messages", 64000},
                            Expected{"claude-sonnet-4-5", "anthropic/claude-sonnet-4.5", "/v1/messages", 32000},
                            Expected{"claude-haiku-4-5", "anthropic/claude-haiku-4.5", "/v1/messages", 32000},
                            Expected{"gpt-5-codex", "openai/gpt-5-codex", "/v1/responses", 0},
                            Expected{"mock-model", "mock/mock-model", "/v1/chat/completions", 32000},
                            Expected{"mock/mock-model", "mock/mock-model", "/v1/messages", 32000},
                            Expected{"mock/mock-model", "mock/mock-model", "/v1/responses", 32000}}) {
    const Model* m = catalog->find(e.name);
    ASSERT_NE(m, nullptr) << e.name;
    EXPECT_EQ(m->id, e.id);
    EXPECT_TRUE(m->serves(e.endpoint)) << e.name << " " << e.endpoint;
    EXPECT_GE(m->max_completion_tokens, e.max_tokens) << e.name;
  }
}

TEST(BuiltinCatalog, EveryModelIsComplete) {
  for (const auto& m : Catalog::builtin()->models()) {
    EXPECT_EQ(m.owned_by, m.id.substr(0, m.id.find('/'))) << m.id;
    EXPECT_FALSE(m.name.empty()) << m.id;
    EXPECT_GT(m.created, 0) << m.id;
    EXPECT_GT(m.context_length, 0) << m.id;
    EXPECT_FALSE(m.providers.empty()) << m.id;
    EXPECT_FALSE(m.pricing.prompt.empty()) << m.id;
    EXPECT_TRUE(m.accepts("text")) << m.id;
    EXPECT_FALSE(m.endpoints.empty()) << m.id;
    if (m.type == ModelType::chat) {
      EXPECT_GT(m.max_completion_tokens, 0) << m.id;
      EXPECT_TRUE(m.serves("/v1/chat/completions") && m.serves("/v1/responses") && m.serves("/v1/messages")) << m.id;
    }
    if (m.type == ModelType::embedding) {
      EXPECT_GT(m.dimensions, 0) << m.id;
      EXPECT_EQ(m.endpoints, std::vector<std::string>{"/v1/embeddings"}) << m.id;
    }
    if (m.type == ModelType::rerank) {
      EXPECT_EQ(m.endpoints, std::vector<std::string>{"/v1/rerank"}) << m.id;
    }
  }
}

TEST(BuiltinCatalog, FindsByIdOrAlias) {
  const auto catalog = Catalog::builtin();
  const Model* by_alias = catalog->find("claude-sonnet-4-5");
  ASSERT_NE(by_alias, nullptr);
  EXPECT_EQ(by_alias->id, "anthropic/claude-sonnet-4.5");
  EXPECT_EQ(catalog->find("mock-model"), catalog->find("mock/mock-model"));
  EXPECT_EQ(catalog->find("no/such-model"), nullptr);
  EXPECT_EQ(catalog->find(""), nullptr);
}

TEST(BuiltinCatalog, ListsModelsPerEndpoint) {
  const auto catalog = Catalog::builtin();
  const auto embedding = catalog->ids_serving("/v1/embeddings", 100);
  ASSERT_FALSE(embedding.empty());
  for (auto id : embedding) EXPECT_EQ(catalog->find(id)->type, ModelType::embedding);
  EXPECT_EQ(catalog->ids_serving("/v1/chat/completions", 3).size(), 3u);
  EXPECT_EQ(catalog->ids_of(ModelType::rerank, 100).size(), catalog->ids_serving("/v1/rerank", 100).size());
}

TEST(BuiltinCatalog, PricingAndProvidersAreData) {
  const Model* gpt = Catalog::builtin()->find("openai/gpt-4o");
  ASSERT_NE(gpt, nullptr);
  EXPECT_EQ(gpt->pricing.prompt, "0.0000025");
  EXPECT_EQ(gpt->pricing.completion, "0.00001");
  EXPECT_EQ(gpt->providers.front().name, "OpenAI");
  EXPECT_EQ(gpt->providers.front().slug, "openai");
  const Model* rerank = Catalog::builtin()->find("cohere/rerank-v3.5");
  ASSERT_NE(rerank, nullptr);
  EXPECT_FALSE(rerank->pricing.request.empty());
}

}  // namespace
}  // namespace siraya::mock
