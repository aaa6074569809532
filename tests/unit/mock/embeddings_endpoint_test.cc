// POST /v1/embeddings through the server (embeddings-rerank-models.md §1): shapes, the input
// forms, encoding formats, dimensions, and a 400 with `param` for every bad input.
#include <bit>
#include <cmath>
#include <cstdint>
#include <string>

#include "catalog_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

constexpr const char* kPath = "/v1/embeddings";

class EmbeddingsTest : public EndpointTest {
 protected:
  static json request(json input) { return {{"model", "openai/text-embedding-3-small"}, {"input", std::move(input)}}; }
  json param_for(const json& body) { return rejected(kPath, body)["param"]; }
};

double norm(const json& vector) {
  double sum = 0;
  for (const auto& x : vector) sum += x.get<double>() * x.get<double>();
  return std::sqrt(sum);
}

TEST_F(EmbeddingsTest, OneText) {
  const json body = ok(kPath, request("The quick brown fox."));
  EXPECT_EQ(body["object"], "list");
  EXPECT_EQ(body["model"], "openai/text-embedding-3-small");
  ASSERT_EQ(body["data"].size(), 1u);
  EXPECT_EQ(body["data"][0]["object"], "embedding");
  EXPECT_EQ(body["data"][0]["index"], 0);
  ASSERT_EQ(body["data"][0]["embedding"].size(), 1536u);
  EXPECT_NEAR(norm(body["data"][0]["embedding"]), 1.0, 1e-5);
  EXPECT_GT(body["usage"]["prompt_tokens"].get<int>(), 0);
  EXPECT_EQ(body["usage"]["total_tokens"], body["usage"]["prompt_tokens"]);
}

TEST_F(EmbeddingsTest, BatchKeepsInputOrder) {
  const json batch = ok(kPath, request({"alpha", "beta", "gamma"}));
  ASSERT_EQ(batch["data"].size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(batch["data"][i]["index"], i);
  // Each vector is the one the text gets on its own.
  EXPECT_EQ(batch["data"][1]["embedding"], ok(kPath, request("beta"))["data"][0]["embedding"]);
  EXPECT_NE(batch["data"][0]["embedding"], batch["data"][1]["embedding"]);
  int sum = 0;
  for (const char* text : {"alpha", "beta", "gamma"}) sum += ok(kPath, request(text))["usage"]["prompt_tokens"].get<int>();
  EXPECT_EQ(batch["usage"]["prompt_tokens"], sum);
}

TEST_F(EmbeddingsTest, SameRequestSameBody) {
  const json body = request({"one", "two"});
  EXPECT_EQ(post(kPath, body)->body, post(kPath, body)->body);
}

TEST_F(EmbeddingsTest, Base64IsTheFloatVector) {
  json body = request("decode me");
  const json floats = ok(kPath, body)["data"][0]["embedding"];
  body["encoding_format"] = "base64";
  const json encoded = ok(kPath, body)["data"][0]["embedding"];
  ASSERT_TRUE(encoded.is_string());
  const std::string text = encoded;
  EXPECT_EQ(text.size(), 8192u);  // 1536 float32 values: 6144 bytes (§1.5)
  // Decode RFC 4648 base64 and read little-endian float32 values.
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string bytes;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=') break;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(alphabet.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  ASSERT_EQ(bytes.size(), 4 * floats.size());
  for (std::size_t i = 0; i < floats.size(); ++i) {
    std::uint32_t u = 0;
    for (int k = 3; k >= 0; --k) u = (u << 8) | static_cast<unsigned char>(bytes[4 * i + static_cast<std::size_t>(k)]);
    ASSERT_EQ(std::bit_cast<float>(u), floats[i].get<float>()) << i;
  }
}

TEST_F(EmbeddingsTest, FloatsReadBackAsFloat32) {
  // Printed in the shortest form that reads back as the same float32, not as a widened double.
  const auto res = post(kPath, request("short numbers"));
  ASSERT_TRUE(res);
  const auto start = res->body.find("\"embedding\":[") + 12;
  const auto comma = res->body.find(',', start);
  EXPECT_LE(comma - start - 1, 15u) << res->body.substr(start, 40);
}

TEST_F(EmbeddingsTest, Dimensions) {
  json body = request({"alpha", "beta"});
  body["dimensions"] = 256;
  const json out = ok(kPath, body);
  for (const auto& item : out["data"]) {
    ASSERT_EQ(item["embedding"].size(), 256u);
    EXPECT_NEAR(norm(item["embedding"]), 1.0, 1e-5);
  }
  body["dimensions"] = 1536;
  EXPECT_EQ(ok(kPath, body)["data"][0]["embedding"].size(), 1536u);
  body["dimensions"] = nullptr;
  EXPECT_EQ(ok(kPath, body)["data"][0]["embedding"].size(), 1536u);
  body["encoding_format"] = "base64";
  body["dimensions"] = 256;
  EXPECT_EQ(ok(kPath, body)["data"][0]["embedding"].get<std::string>().size(), 1368u);
}

TEST_F(EmbeddingsTest, NativeSizeFollowsTheModel) {
  json body = request("x");
  body["model"] = "openai/text-embedding-3-large";
  EXPECT_EQ(ok(kPath, body)["data"][0]["embedding"].size(), 3072u);
  body["model"] = "mistralai/mistral-embed";
  EXPECT_EQ(ok(kPath, body)["data"][0]["embedding"].size(), 1024u);
}

TEST_F(EmbeddingsTest, TokenIdInputs) {
  const json one = ok(kPath, request({1212, 318, 257}));
  ASSERT_EQ(one["data"].size(), 1u);
  EXPECT_EQ(one["usage"]["prompt_tokens"], 3);
  const json batch = ok(kPath, request(json::array({{1212, 318}, {257}})));
  ASSERT_EQ(batch["data"].size(), 2u);
  EXPECT_EQ(batch["usage"]["prompt_tokens"], 3);
  EXPECT_EQ(ok(kPath, request({200018}))["data"].size(), 1u);
}

TEST_F(EmbeddingsTest, OptionalFieldsAccepted) {
  json body = request("hello");
  body["user"] = "u-1";
  body["input_type"] = "search_query";
  body["provider"] = {{"order", {"openai"}}};
  body["encoding_format"] = "float";
  ok(kPath, body);
}

TEST_F(EmbeddingsTest, BadInputs) {
  EXPECT_EQ(param_for({{"model", "openai/text-embedding-3-small"}}), "input");
  EXPECT_EQ(param_for(request("")), "input");
  EXPECT_EQ(param_for(request(json::array())), "input");
  EXPECT_EQ(param_for(request(42)), "input");
  EXPECT_EQ(param_for(request({{"text", "x"}})), "input");
  EXPECT_EQ(param_for(request({"ok", ""})), "input[1]");
  EXPECT_EQ(param_for(request({"ok", 42})), "input[1]");
  EXPECT_EQ(param_for(request(json::array({json::object({{"content", "x"}})}))), "input[0]");
  EXPECT_EQ(param_for(request({1, -1})), "input[1]");
  EXPECT_EQ(param_for(request({1, 200019})), "input[1]");
  EXPECT_EQ(param_for(request({1, 2.5})), "input[1]");
  EXPECT_EQ(param_for(request(json::array({{1, 2}, json::array()}))), "input[1]");
  EXPECT_EQ(param_for(request(json::array({{1, 2}, {3, "x"}}))), "input[1][1]");
  EXPECT_EQ(param_for(request(json::array({{1, 2}, 3}))), "input[1]");
  EXPECT_EQ(param_for(request(json(std::vector<std::string>(2049, "x")))), "input");
}

TEST_F(EmbeddingsTest, BadOptions) {
  json body = request("hello");
  body["encoding_format"] = "hex";
  EXPECT_EQ(param_for(body), "encoding_format");
  body.erase("encoding_format");
  for (const json& bad : {json(0), json(-3), json(2.5), json("256"), json(1537)}) {
    body["dimensions"] = bad;
    EXPECT_EQ(param_for(body), "dimensions") << bad;
  }
  body.erase("dimensions");
  body["user"] = 7;
  EXPECT_EQ(param_for(body), "user");
  body.erase("user");
  body["provider"] = "openai";
  EXPECT_EQ(param_for(body), "provider");
}

// The provider object has the routing fields of chat-completions.md §5 on every endpoint: a field
// of the wrong type is a 400 naming it, a well-formed object is accepted.
TEST_F(EmbeddingsTest, ProviderFieldsAreChecked) {
  json body = request("hello");
  body["provider"] = {{"order", json::array({"openai"})}, {"allow_fallbacks", true}, {"sort", "price"}, {"data_collection", "allow"},
                      {"max_price", {{"prompt", 1}, {"completion", "2.5"}}}};
  ok(kPath, body);
  const std::pair<json, const char*> bad[] = {
      {{{"only", "openai"}}, "provider.only"},
      {{{"allow_fallbacks", "no"}}, "provider.allow_fallbacks"},
      {{{"sort", "fastest"}}, "provider.sort"},
      {{{"data_collection", "never"}}, "provider.data_collection"},
      {{{"max_price", {{"prompt", "cheap"}}}}, "provider.max_price.prompt"},
      {{{"order", {"openai", 7}}}, "provider.order[1]"},
  };
  for (const auto& [provider, param] : bad) {
    body["provider"] = provider;
    EXPECT_EQ(param_for(body), param) << provider;
  }
}

TEST_F(EmbeddingsTest, DimensionsOnlyWhereTheModelSupportsIt) {
  json body = request("hello");
  body["model"] = "openai/text-embedding-ada-002";
  body["dimensions"] = 256;
  const json e = rejected(kPath, body);
  EXPECT_EQ(e["param"], "dimensions");
  EXPECT_NE(e["message"].get<std::string>().find("does not support dimensions"), std::string::npos) << e;
}

TEST_F(EmbeddingsTest, ModelChecks) {
  json body = request("hello");
  body.erase("model");
  EXPECT_EQ(param_for(body), "model");
  body["model"] = "openai/gpt-4o";
  const json e = rejected(kPath, body);
  EXPECT_EQ(e["param"], "model");
  EXPECT_NE(e["message"].get<std::string>().find("openai/text-embedding-3-small"), std::string::npos) << e;
  body["model"] = "cohere/rerank-v3.5";
  EXPECT_EQ(param_for(body), "model");
}

TEST_F(EmbeddingsTest, InputLongerThanTheContextLength) {
  std::string text;
  for (int i = 0; i < 8200; ++i) text += "word ";
  const json e = rejected(kPath, request(text));
  EXPECT_EQ(e["param"], "input");
  EXPECT_NE(e["message"].get<std::string>().find("8192"), std::string::npos) << e["message"];
  EXPECT_EQ(param_for(request({"short", text})), "input[1]");
}

TEST_F(EmbeddingsTest, TotalTokensOfABatchAreLimited) {
  // 40 inputs of 8000 tokens: each fits, together they exceed 300 000 (§1.1).
  std::string text;
  for (int i = 0; i < 8000; ++i) text += "w ";
  EXPECT_EQ(param_for(request(json(std::vector<std::string>(40, text)))), "input");
}

TEST_F(EmbeddingsTest, StrictModeAcceptsItsOwnOutput) {
  Options options;
  options.strict = true;
  restart(options);
  ok(kPath, request({"alpha", "beta"}));
  json body = request("x");
  body["encoding_format"] = "base64";
  ok(kPath, body);
  ok(kPath, request({1, 2, 3}));
}

}  // namespace
}  // namespace siraya::mock::testing
