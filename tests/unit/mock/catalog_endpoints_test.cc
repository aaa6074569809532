// A --catalog file drives GET /v1/models and which models each endpoint accepts, and its context
// lengths bound the prompts (issue 5 part 3).
#include <string>

#include "catalog_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

// Tiny context lengths, so that over-long prompts stay small.
const char* kCatalog = R"({
  "version": 1,
  "models": [
    {"id": "acme/chat-small", "aliases": ["small"], "name": "Acme: Chat Small", "type": "chat", "created": 1700000000,
     "context_length": 40, "max_completion_tokens": 20,
     "modalities": {"input": ["text"], "output": ["text"]},
     "endpoints": ["/v1/chat/completions", "/v1/responses", "/v1/messages"],
     "pricing": {"prompt": "0.000001", "completion": "0.000002"},
     "providers": [{"name": "Acme", "slug": "acme"}]},
    {"id": "acme/chat-only", "name": "Acme: Chat Only", "type": "chat", "created": 1700000001,
     "context_length": 4096, "max_completion_tokens": 1024,
     "modalities": {"input": ["text"], "output": ["text"]},
     "endpoints": ["/v1/chat/completions"],
     "pricing": {"prompt": "0", "completion": "0"},
     "providers": [{"name": "Acme", "slug": "acme"}]},
    {"id": "acme/embed", "owned_by": "acme-labs", "name": "Acme: Embed", "type": "embedding", "created": 1700000002,
     "context_length": 10, "dimensions": 32, "supported_parameters": ["dimensions"],
     "modalities": {"input": ["text"], "output": ["embeddings"]},
     "endpoints": ["/v1/embeddings"],
     "pricing": {"prompt": "0.0000001", "completion": "0"},
     "providers": [{"name": "Acme", "slug": "acme"}]},
    {"id": "acme/rerank", "name": "Acme: Rerank", "type": "rerank", "created": 1700000003,
     "context_length": 12,
     "modalities": {"input": ["text"], "output": ["scores"]},
     "endpoints": ["/v1/rerank"],
     "pricing": {"prompt": "0", "completion": "0", "request": "0.002"},
     "providers": [{"name": "Acme Search", "slug": "acme-search"}]}
  ]
})";

std::string words(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += "word ";
  return out;
}

class CatalogEndpointsTest : public EndpointTest {
 protected:
  void SetUp() override {
    Options options;
    options.catalog_file = write_temp_file("endpoints_catalog.json", kCatalog);
    options.strict = true;  // the mock's own output must conform with a custom catalog too
    restart(options);
  }
  static json chat(const std::string& model, const std::string& text) {
    return {{"model", model}, {"messages", {{{"role", "user"}, {"content", text}}}}};
  }
};

TEST_F(CatalogEndpointsTest, ModelsComeFromTheCatalog) {
  auto res = client().Get("/v1/models", auth_headers());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const json list = json_of(res);
  ASSERT_EQ(list["data"].size(), 4u);
  const json& chat_model = list["data"][0];
  EXPECT_EQ(chat_model["id"], "acme/chat-small");
  EXPECT_EQ(chat_model["object"], "model");
  EXPECT_EQ(chat_model["created"], 1700000000);
  EXPECT_EQ(chat_model["owned_by"], "acme");
  EXPECT_EQ(chat_model["type"], "chat");
  EXPECT_EQ(chat_model["context_length"], 40);
  EXPECT_EQ(chat_model["max_completion_tokens"], 20);
  EXPECT_EQ(chat_model["aliases"], json({"small"}));
  EXPECT_EQ(chat_model["architecture"]["modality"], "text->text");
  EXPECT_EQ(chat_model["pricing"], json({{"prompt", "0.000001"}, {"completion", "0.000002"}}));
  EXPECT_EQ(chat_model["top_provider"]["context_length"], 40);
  EXPECT_EQ(chat_model["providers"][0]["slug"], "acme");
  EXPECT_EQ(list["data"][2]["owned_by"], "acme-labs");
  EXPECT_EQ(list["data"][2]["dimensions"], 32);
  EXPECT_FALSE(list["data"][2].contains("max_completion_tokens"));
  EXPECT_EQ(list["data"][3]["pricing"]["request"], "0.002");
}

TEST_F(CatalogEndpointsTest, ModelsOutsideTheCatalogAreUnknown) {
  const json e = rejected("/v1/chat/completions", chat("openai/gpt-4o", "hi"));
  EXPECT_EQ(e["param"], "model");
  EXPECT_NE(e["message"].get<std::string>().find("acme/chat-small"), std::string::npos) << e;
}

TEST_F(CatalogEndpointsTest, EndpointsListedPerModel) {
  ok("/v1/chat/completions", chat("acme/chat-only", "hi"));
  EXPECT_EQ(rejected("/v1/responses", {{"model", "acme/chat-only"}, {"input", "hi"}})["param"], "model");
  auto res = post("/v1/messages", {{"model", "acme/chat-only"}, {"max_tokens", 5}, {"messages", {{{"role", "user"}, {"content", "hi"}}}}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(json_of(res)["error"]["param"], "model");
}

TEST_F(CatalogEndpointsTest, AliasesAreAcceptedAndEchoed) {
  const json out = ok("/v1/chat/completions", chat("small", "hi"));
  EXPECT_EQ(out["model"], "small");
}

TEST_F(CatalogEndpointsTest, ChatPromptLongerThanTheContext) {
  ok("/v1/chat/completions", chat("acme/chat-small", words(5)));
  const json e = rejected("/v1/chat/completions", chat("acme/chat-small", words(60)));
  EXPECT_EQ(e["param"], "messages");
  EXPECT_NE(e["message"].get<std::string>().find("40-token context length of acme/chat-small"), std::string::npos) << e;
}

TEST_F(CatalogEndpointsTest, ResponsesInputLongerThanTheContext) {
  ok("/v1/responses", {{"model", "acme/chat-small"}, {"input", words(5)}});
  EXPECT_EQ(rejected("/v1/responses", {{"model", "acme/chat-small"}, {"input", words(60)}})["param"], "input");
}

TEST_F(CatalogEndpointsTest, MessagesLongerThanTheContext) {
  auto res = post("/v1/messages", {{"model", "small"}, {"max_tokens", 5}, {"messages", {{{"role", "user"}, {"content", words(60)}}}}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  const json body = json_of(res);
  EXPECT_EQ(body["type"], "error");  // the superset body of /v1/messages (README §4.3)
  EXPECT_EQ(body["error"]["param"], "messages");
}

TEST_F(CatalogEndpointsTest, EmbeddingInputsLongerThanTheContext) {
  const json out = ok("/v1/embeddings", {{"model", "acme/embed"}, {"input", "short"}});
  EXPECT_EQ(out["data"][0]["embedding"].size(), 32u);
  EXPECT_EQ(rejected("/v1/embeddings", {{"model", "acme/embed"}, {"input", words(11)}})["param"], "input");
  EXPECT_EQ(rejected("/v1/embeddings", {{"model", "acme/embed"}, {"input", {"ok", words(11)}}})["param"], "input[1]");
  EXPECT_EQ(rejected("/v1/embeddings", {{"model", "acme/embed"}, {"input", json(std::vector<int>(11, 7))}})["param"], "input");
}

TEST_F(CatalogEndpointsTest, RerankPairsLongerThanTheContext) {
  const json out = ok("/v1/rerank", {{"model", "acme/rerank"}, {"query", "tea"}, {"documents", {"green tea"}}});
  EXPECT_EQ(out["provider"], "Acme Search");
  EXPECT_EQ(rejected("/v1/rerank", {{"model", "acme/rerank"}, {"query", words(13)}, {"documents", {"x"}}})["param"], "query");
  EXPECT_EQ(rejected("/v1/rerank", {{"model", "acme/rerank"}, {"query", words(6)}, {"documents", {"x", words(7)}}})["param"],
            "documents[1]");
}

TEST(CatalogOption, TheBuiltInListPassesStrictMode) {
  Options options;
  options.strict = true;
  auto server = start_mock(options);
  ASSERT_NE(server, nullptr);
  auto res = client_for(*server)->Get("/v1/models", auth_headers());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_GE(json_of(res)["data"].size(), 20u);
}

TEST(CatalogOption, ABadCatalogStopsTheStart) {
  Options options;
  options.port = 0;
  options.catalog_file = write_temp_file("broken_catalog.json", R"({"version": 1, "models": [{"id": "x"}]})");
  auto server = Server::start(options);
  ASSERT_FALSE(server);
  EXPECT_EQ(server.error().id, "mock.catalog");
  EXPECT_EQ(server.error().location.rfind(options.catalog_file + "#/models/0", 0), 0u) << server.error().to_string();

  options.catalog_file = ::testing::TempDir() + "siraya_missing_catalog.json";
  auto missing = Server::start(options);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().id, "mock.catalog");
}

}  // namespace
}  // namespace siraya::mock::testing
