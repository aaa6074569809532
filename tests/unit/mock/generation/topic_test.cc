// mock/generation/topic.h: salient words, the topic phrase and tool-name words.
#include "mock/generation/topic.h"

#include <gtest/gtest.h>

namespace siraya::mock::generation {
namespace {

using Words = std::vector<std::string>;

TEST(Topic, QuestionWordsAreDroppedFromThePhrase) {
  const Topic t = topic_of("What is the capital of France?");
  EXPECT_EQ(t.phrase, "the capital of France");
  EXPECT_EQ(t.words, (Words{"capital", "France"}));
}

TEST(Topic, TheLastQuestionIsTheSubject) {
  EXPECT_EQ(topic_of("I am in Oslo. Can you tell me about the weather tomorrow?").phrase, "the weather tomorrow");
  EXPECT_EQ(topic_of("Write a long story about the sea.").phrase, "a long story about the sea");
}

TEST(Topic, PersonIsSwapped) { EXPECT_EQ(topic_of("What is my name?").phrase, "your name"); }

TEST(Topic, NoSalientWordNoPhrase) {
  const Topic t = topic_of("Hi! How are you?");
  EXPECT_TRUE(t.phrase.empty());
  EXPECT_TRUE(t.words.empty());
}

TEST(Topic, LongSentencesAreNamedByTheirWords) {
  const Topic t = topic_of("Tell me about cats dogs birds fish snakes lizards hamsters rabbits ferrets mice rats horses goats");
  EXPECT_EQ(t.phrase, "cats, dogs and birds");
  EXPECT_EQ(t.words.size(), 8u);
}

TEST(Topic, WordsAreDeduplicatedAndKeepUtf8) {
  EXPECT_EQ(topic_of("Zürich, zürich and ZÜRICH weather").words, (Words{"Zürich", "ZÜRICH", "weather"}));
  EXPECT_EQ(topic_of("Paris paris PARIS").words, (Words{"Paris"}));
}

TEST(Topic, PunctuationNeverReachesThePhrase) {
  const Topic t = topic_of("What's the deal with \"quotes\"; and semi-colons?!");
  EXPECT_EQ(t.phrase.find_first_of("\";?!."), std::string::npos) << t.phrase;
}

TEST(Topic, NameWordsSplitSnakeKebabAndCamelCase) {
  EXPECT_EQ(name_words("get_weather"), (Words{"get", "weather"}));
  EXPECT_EQ(name_words("searchWebPages2"), (Words{"search", "web", "pages", "2"}));
  EXPECT_EQ(name_words("HTTPServer-status.v1"), (Words{"http", "server", "status", "v", "1"}));
}

}  // namespace
}  // namespace siraya::mock::generation
