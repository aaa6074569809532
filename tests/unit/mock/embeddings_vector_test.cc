// The vectors of POST /v1/embeddings (mock/embeddings/vectorizer.h) and their base64 form
// (embeddings-rerank-models.md §1.3).
#include <bit>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "mock/embeddings/base64.h"
#include "mock/embeddings/vectorizer.h"
#include "mock/embeddings/words.h"

namespace siraya::mock::embeddings {
namespace {

constexpr const char* kModel = "openai/text-embedding-3-small";

double norm(const std::vector<float>& v) {
  double sum = 0;
  for (float x : v) sum += static_cast<double>(x) * x;
  return std::sqrt(sum);
}

double cosine(const std::vector<float>& a, const std::vector<float>& b) {
  double dot = 0;
  for (std::size_t i = 0; i < a.size(); ++i) dot += static_cast<double>(a[i]) * b[i];
  return dot / (norm(a) * norm(b));
}

// An independent RFC 4648 decoder, for the round trip.
std::vector<float> decode_float32_le(const std::string& text) {
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
  std::vector<float> out;
  for (std::size_t i = 0; i + 4 <= bytes.size(); i += 4) {
    std::uint32_t u = 0;
    for (int k = 3; k >= 0; --k) u = (u << 8) | static_cast<unsigned char>(bytes[i + static_cast<std::size_t>(k)]);
    out.push_back(std::bit_cast<float>(u));
  }
  return out;
}

TEST(EmbeddingVector, NativeSizeAndUnitLength) {
  for (const char* text : {"hello", "The quick brown fox jumps over the lazy dog.", "!!!", "日本語のテキスト", " "}) {
    const auto v = embed_text(kModel, text, 1536);
    ASSERT_EQ(v.size(), 1536u) << text;
    EXPECT_NEAR(norm(v), 1.0, 1e-5) << text;
    for (float x : v) ASSERT_TRUE(std::isfinite(x)) << text;
  }
}

TEST(EmbeddingVector, AnyRequestedSizeIsUnitLength) {
  for (std::size_t dims : {1u, 2u, 3u, 8u, 256u, 3072u}) {
    const auto v = embed_text(kModel, "a short sentence about rivers", dims);
    ASSERT_EQ(v.size(), dims);
    EXPECT_NEAR(norm(v), 1.0, 1e-5) << dims;
  }
  const std::vector<std::int64_t> tokens = {1212, 318, 257};
  EXPECT_NEAR(norm(embed_tokens(kModel, tokens, 64)), 1.0, 1e-5);
}

TEST(EmbeddingVector, Deterministic) {
  EXPECT_EQ(embed_text(kModel, "same text", 512), embed_text(kModel, "same text", 512));
  EXPECT_NE(embed_text(kModel, "same text", 512), embed_text(kModel, "other text", 512));
}

TEST(EmbeddingVector, ModelsHaveTheirOwnSpaces) {
  const auto a = embed_text("openai/text-embedding-3-small", "a sentence about rivers", 1024);
  const auto b = embed_text("mistralai/mistral-embed", "a sentence about rivers", 1024);
  EXPECT_LT(std::abs(cosine(a, b)), 0.3);
}

TEST(EmbeddingVector, SharedWordsAreCloserThanUnrelatedText) {
  const auto query = embed_text(kModel, "How do rivers shape mountain valleys?", 1536);
  const auto related = embed_text(kModel, "Rivers carve valleys into mountains over millions of years.", 1536);
  const auto unrelated = embed_text(kModel, "The stock market closed higher on Friday.", 1536);
  EXPECT_GT(cosine(query, related), cosine(query, unrelated) + 0.2);
  EXPECT_GT(cosine(query, related), 0.3);
  EXPECT_LT(std::abs(cosine(query, unrelated)), 0.2);
}

TEST(EmbeddingVector, FunctionWordsAloneDoNotMakeTextsSimilar) {
  const auto a = embed_text(kModel, "The cat is on the mat", 1536);
  const auto b = embed_text(kModel, "The bond is in the portfolio", 1536);
  const auto c = embed_text(kModel, "A cat sat on a mat", 1536);
  EXPECT_GT(cosine(a, c), cosine(a, b) + 0.2);
}

TEST(EmbeddingVector, WordFormsShareCharacterTrigrams) {
  const auto a = embed_text(kModel, "swimming", 1536);
  const auto b = embed_text(kModel, "swimmer", 1536);
  const auto c = embed_text(kModel, "accounting", 1536);
  EXPECT_GT(cosine(a, b), cosine(a, c) + 0.1);
}

TEST(EmbeddingVector, CaseAndPunctuationDoNotMatter) {
  EXPECT_EQ(embed_text(kModel, "Hello, World!", 64), embed_text(kModel, "hello world", 64));
}

TEST(EmbeddingVector, TokenInputsCompareByTheirIds) {
  const std::vector<std::int64_t> a = {1212, 318, 257, 1332};
  const std::vector<std::int64_t> b = {1212, 318, 257, 9999};
  const std::vector<std::int64_t> c = {42, 43, 44, 45};
  EXPECT_GT(cosine(embed_tokens(kModel, a, 512), embed_tokens(kModel, b, 512)),
            cosine(embed_tokens(kModel, a, 512), embed_tokens(kModel, c, 512)) + 0.3);
}

TEST(EmbeddingBase64, ReferenceExample) {
  const std::vector<float> v = {1.0f, -2.0f};
  EXPECT_EQ(float32_le_base64(v), "AACAPwAAAMA=");  // §1.3
}

TEST(EmbeddingBase64, DecodesToTheFloatVector) {
  const auto v = embed_text(kModel, "round trip", 1536);
  const std::string text = float32_le_base64(v);
  EXPECT_EQ(text.size(), (4 * v.size() + 2) / 3 * 4);
  EXPECT_EQ(decode_float32_le(text), v);
}

TEST(EmbeddingWords, SplitsAndFolds) {
  EXPECT_EQ(words_of("Hello, World! x2 naïve"), (std::vector<std::string>{"hello", "world", "x2", "naïve"}));
  EXPECT_TRUE(words_of(" ,.; ").empty());
  EXPECT_TRUE(is_stopword("the"));
  EXPECT_FALSE(is_stopword("river"));
  EXPECT_EQ(trigrams_of("ab"), (std::vector<std::string>{"<ab", "ab>"}));
  EXPECT_EQ(trigrams_of("a"), (std::vector<std::string>{"<a>"}));
  EXPECT_EQ(stem_of("rivers"), "river");
  EXPECT_EQ(stem_of("glass"), "glass");
  EXPECT_EQ(stem_of("bus"), "bus");
}

}  // namespace
}  // namespace siraya::mock::embeddings
