// POST /v1/rerank through the server (embeddings-rerank-models.md §2): ordering, indices, top_n,
// return_documents, usage, and a 400 with `param` for every bad input.
#include <set>
#include <string>

#include "catalog_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

constexpr const char* kPath = "/v1/rerank";

class RerankTest : public EndpointTest {
 protected:
  static json request(json documents, std::string query = "What is the capital of France?") {
    return {{"model", "cohere/rerank-v3.5"}, {"query", std::move(query)}, {"documents", std::move(documents)}};
  }
  static json france() {
    return request({"Berlin is the capital of Germany.", "Paris is the capital of France.", "Madrid is in Spain."});
  }
  json param_for(const json& body) { return rejected(kPath, body)["param"]; }
};

TEST_F(RerankTest, ReferenceExample) {
  json body = france();
  body["top_n"] = 2;
  const json out = ok(kPath, body);
  EXPECT_EQ(out["model"], "cohere/rerank-v3.5");
  EXPECT_EQ(out["provider"], "Cohere");
  EXPECT_EQ(out["id"].get<std::string>().rfind("gen-rerank-", 0), 0u);
  ASSERT_EQ(out["results"].size(), 2u);
  EXPECT_EQ(out["results"][0]["index"], 1);
  EXPECT_EQ(out["results"][0]["document"], json({{"text", "Paris is the capital of France."}}));
  EXPECT_EQ(out["results"][1]["index"], 0);
  EXPECT_EQ(out["usage"]["search_units"], 1);
  EXPECT_GT(out["usage"]["total_tokens"].get<int>(), 0);
}

TEST_F(RerankTest, SortedDescendingWithUniqueIndicesInRange) {
  const json docs = {"apples and pears", "the capital of France", "France", "cars", "Paris, France's capital",
                     "", "capital gains tax", "the the the"};
  const json out = ok(kPath, request(docs));
  ASSERT_EQ(out["results"].size(), docs.size());
  std::set<int> seen;
  double previous = 2.0;
  for (const auto& r : out["results"]) {
    const int index = r["index"];
    EXPECT_TRUE(seen.insert(index).second);
    ASSERT_GE(index, 0);
    ASSERT_LT(index, static_cast<int>(docs.size()));
    const double score = r["relevance_score"];
    EXPECT_GE(score, 0.0);
    EXPECT_LE(score, 1.0);
    EXPECT_LE(score, previous);
    previous = score;
    EXPECT_EQ(r["document"]["text"], docs[static_cast<std::size_t>(index)]);
  }
}

TEST_F(RerankTest, TiesKeepTheDocumentsOrder) {
  const json out = ok(kPath, request({"same text", "same text", "same text"}, "text"));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(out["results"][i]["index"], i);
}

TEST_F(RerankTest, Deterministic) {
  EXPECT_EQ(post(kPath, france())->body, post(kPath, france())->body);
}

TEST_F(RerankTest, TopN) {
  json body = france();
  body["top_n"] = 1;
  EXPECT_EQ(ok(kPath, body)["results"].size(), 1u);
  body["top_n"] = 3;
  EXPECT_EQ(ok(kPath, body)["results"].size(), 3u);
  body["top_n"] = 50;  // clamped, as Cohere does (§2.1)
  EXPECT_EQ(ok(kPath, body)["results"].size(), 3u);
  body["top_n"] = nullptr;
  EXPECT_EQ(ok(kPath, body)["results"].size(), 3u);
}

TEST_F(RerankTest, ReturnDocuments) {
  json body = france();
  body["return_documents"] = false;
  const json without = ok(kPath, body);
  for (const auto& r : without["results"]) EXPECT_FALSE(r.contains("document"));
  body["return_documents"] = true;
  const json with = ok(kPath, body);
  for (const auto& r : with["results"]) EXPECT_TRUE(r["document"]["text"].is_string());
}

TEST_F(RerankTest, ObjectDocuments) {
  const json out = ok(kPath, request({{{"text", "Berlin"}}, {{"text", "Paris is the capital of France"}}}));
  EXPECT_EQ(out["results"][0]["index"], 1);
  EXPECT_EQ(out["results"][0]["document"], json({{"text", "Paris is the capital of France"}}));
}

TEST_F(RerankTest, ImagesOnlyForRerankersThatAcceptThem) {
  json body = request({{{"image", "https://example.com/a.png"}}, "Paris is the capital of France"});
  EXPECT_EQ(param_for(body), "documents[0].image");
  body["model"] = "jina/jina-reranker-m0";
  const json out = ok(kPath, body);
  ASSERT_EQ(out["results"].size(), 2u);
  EXPECT_EQ(out["results"][0]["index"], 1);
  EXPECT_EQ(out["results"][1]["document"], json({{"image", "https://example.com/a.png"}}));
}

TEST_F(RerankTest, SearchUnitsPerHundredDocuments) {
  EXPECT_EQ(ok(kPath, request(json(std::vector<std::string>(101, "doc"))))["usage"]["search_units"], 2);
}

TEST_F(RerankTest, BadInputs) {
  json body = france();
  body.erase("query");
  EXPECT_EQ(param_for(body), "query");
  body["query"] = "";
  EXPECT_EQ(param_for(body), "query");
  body["query"] = 42;
  EXPECT_EQ(param_for(body), "query");
  EXPECT_EQ(param_for(request(json::array())), "documents");
  EXPECT_EQ(param_for(request("one document")), "documents");
  EXPECT_EQ(param_for(request({"ok", 42})), "documents[1]");
  EXPECT_EQ(param_for(request({"ok", json::object()})), "documents[1]");
  EXPECT_EQ(param_for(request({"ok", {{"text", 7}}})), "documents[1].text");
  EXPECT_EQ(param_for(request(json(std::vector<std::string>(1001, "d")))), "documents");
  body = france();
  body.erase("documents");
  EXPECT_EQ(param_for(body), "documents");
}

TEST_F(RerankTest, BadOptions) {
  json body = france();
  for (const json& bad : {json(0), json(-1), json(1.5), json("2")}) {
    body["top_n"] = bad;
    EXPECT_EQ(param_for(body), "top_n") << bad;
  }
  body.erase("top_n");
  body["return_documents"] = "yes";
  EXPECT_EQ(param_for(body), "return_documents");
  body.erase("return_documents");
  body["provider"] = 3;
  EXPECT_EQ(param_for(body), "provider");
}

// The provider object has the routing fields of chat-completions.md §5 on every endpoint.
TEST_F(RerankTest, ProviderFieldsAreChecked) {
  json body = france();
  body["provider"] = {{"order", json::array({"cohere"})}, {"allow_fallbacks", true}, {"sort", {{"by", "latency"}}}};
  ok(kPath, body);
  body["provider"] = {{"sort", "fastest"}};
  EXPECT_EQ(param_for(body), "provider.sort");
  body["provider"] = {{"ignore", "cohere"}};
  EXPECT_EQ(param_for(body), "provider.ignore");
  body["provider"] = {{"zdr", "yes"}};
  EXPECT_EQ(param_for(body), "provider.zdr");
}

TEST_F(RerankTest, ModelChecks) {
  json body = france();
  body.erase("model");
  EXPECT_EQ(param_for(body), "model");
  body["model"] = "cohere/rerank-v9";
  const json e = rejected(kPath, body);
  EXPECT_EQ(e["param"], "model");
  EXPECT_NE(e["message"].get<std::string>().find("cohere/rerank-v3.5"), std::string::npos) << e;
  body["model"] = "openai/text-embedding-3-small";
  EXPECT_EQ(param_for(body), "model");
}

TEST_F(RerankTest, QueryAndDocumentMustFitTheContext) {
  std::string long_text;
  for (int i = 0; i < 4100; ++i) long_text += "word ";
  EXPECT_EQ(param_for(request({"short"}, long_text)), "query");
  EXPECT_EQ(param_for(request({"short", long_text})), "documents[1]");
  EXPECT_EQ(param_for(request({"short", {{"text", long_text}}})), "documents[1].text");
}

TEST_F(RerankTest, StrictModeAcceptsItsOwnOutput) {
  Options options;
  options.strict = true;
  restart(options);
  ok(kPath, france());
  json body = france();
  body["return_documents"] = false;
  ok(kPath, body);
}

}  // namespace
}  // namespace siraya::mock::testing
