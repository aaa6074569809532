// mock/generation/answer_text.h: answers mention the question, vary in length, are deterministic.
#include "mock/generation/answer_text.h"

#include <gtest/gtest.h>

namespace siraya::mock::generation {
namespace {

std::size_t word_count(const std::string& s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool w = c != ' ';
    if (w && !in_word) ++n;
    in_word = w;
  }
  return n;
}

std::string answer_for(std::string_view question, std::uint64_t seed) {
  AnswerSource s;
  s.question = question;
  Rng rng(seed);
  return answer_text(s, rng);
}

TEST(AnswerText, SameInputSameText) {
  EXPECT_EQ(answer_for("What is the capital of France?", 1), answer_for("What is the capital of France?", 1));
  EXPECT_NE(answer_for("What is the capital of France?", 1), answer_for("What is the capital of France?", 2));
}

TEST(AnswerText, MentionsTheQuestionAndReadsAsSentences) {
  for (std::uint64_t seed = 0; seed < 100; ++seed) {
    const std::string text = answer_for("What is the capital of France?", seed);
    EXPECT_NE(text.find("the capital of France"), std::string::npos) << text;
    EXPECT_TRUE(text[0] >= 'A' && text[0] <= 'Z') << text;
    EXPECT_EQ(text.back(), '.') << text;
    EXPECT_EQ(text.find("  "), std::string::npos) << text;
  }
}

// Long enough for a token limit to cut some answers, with the common words stop-sequence tests use.
TEST(AnswerText, LengthVariesBetweenTwentyAndAboutOneHundredFortyWords) {
  std::size_t shortest = 1000, longest = 0, with_the = 0, with_comma = 0;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    const std::string text = answer_for("Tell me about rivers.", seed);
    const std::size_t n = word_count(text);
    shortest = std::min(shortest, n);
    longest = std::max(longest, n);
    with_the += text.find(" the ") != std::string::npos;
    with_comma += text.find(',') != std::string::npos;
  }
  EXPECT_GE(shortest, 20u);
  EXPECT_LT(shortest, 40u);
  EXPECT_GT(longest, 100u);
  EXPECT_LE(longest, 150u);
  EXPECT_GE(with_the, 190u);
  EXPECT_GE(with_comma, 190u);
}

TEST(AnswerText, AfterAToolResultTheAnswerMentionsIt) {
  AnswerSource s;
  s.question = "What is the weather in Oslo?";
  s.after_tool_result = true;
  s.tool_result = R"({"conditions":"rainy"})";
  bool mentions_result = false;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    Rng rng(seed);
    const std::string text = answer_text(s, rng);
    EXPECT_NE(text.find("tool"), std::string::npos) << text;
    mentions_result = mentions_result || text.find("rainy") != std::string::npos;
  }
  EXPECT_TRUE(mentions_result);
}

TEST(AnswerText, ProsePrefillIsContinuedNotRepeated) {
  const std::string prefill = "The capital of France is";
  AnswerSource s;
  s.question = "What is the capital of France?";
  s.prefill = &prefill;
  Rng rng(3);
  const std::string text = answer_text(s, rng);
  EXPECT_EQ(text.front(), ' ') << text;
  EXPECT_EQ(text.find(prefill), std::string::npos) << text;
  EXPECT_EQ(text.back(), '.') << text;
}

TEST(AnswerText, JsonPrefillIsClosedWithAWordOfTheQuestion) {
  const std::string prefill = R"({"city": ")";
  AnswerSource s;
  s.question = "What is the capital of France?";
  s.prefill = &prefill;
  Rng rng(3);
  EXPECT_EQ(answer_text(s, rng), R"(France"})");
}

TEST(AnswerText, ShortAnswerIsTwoSentences) {
  AnswerSource s;
  s.question = "Name a colour.";
  Rng rng(9);
  const std::string text = short_answer(s, rng);
  EXPECT_NE(text.find("a colour"), std::string::npos) << text;
  EXPECT_LT(word_count(text), 40u) << text;
}

}  // namespace
}  // namespace siraya::mock::generation
