// Lexical relevance scores of POST /v1/rerank (mock/rerank/relevance.h).
#include <gtest/gtest.h>

#include "mock/rerank/relevance.h"

namespace siraya::mock::rerank {
namespace {

TEST(RerankRelevance, ScoresLieInTheUnitInterval) {
  for (const char* doc : {"", "!!!", "Paris is the capital of France.", "completely unrelated words here",
                          "What is the capital of France?"}) {
    const double s = relevance("What is the capital of France?", doc);
    EXPECT_GE(s, 0.0) << doc;
    EXPECT_LE(s, 1.0) << doc;
  }
}

TEST(RerankRelevance, TheReferenceExampleRanksParisFirst) {
  const char* query = "What is the capital of France?";
  const double paris = relevance(query, "Paris is the capital of France.");
  const double berlin = relevance(query, "Berlin is the capital of Germany.");
  const double madrid = relevance(query, "Madrid is in Spain.");
  EXPECT_GT(paris, berlin);
  EXPECT_GT(berlin, madrid);
  EXPECT_GT(paris, 0.8);
  EXPECT_LT(madrid, 0.1);
}

TEST(RerankRelevance, ContentWordsMatterMoreThanFunctionWords) {
  const char* query = "the history of the violin";
  EXPECT_GT(relevance(query, "Violin makers in Cremona"), relevance(query, "Of the, to the, in the"));
}

TEST(RerankRelevance, PluralsAndWordPartsMatch) {
  EXPECT_GT(relevance("river", "Rivers of Europe"), relevance("river", "Mountains of Europe"));
  EXPECT_GT(relevance("swimming lessons", "a swimmer's lesson plan"), relevance("swimming lessons", "tax forms"));
}

TEST(RerankRelevance, DeterministicAndIndependentOfOtherDocuments) {
  EXPECT_EQ(relevance("green tea", "green tea leaves"), relevance("green tea", "green tea leaves"));
}

TEST(RerankRelevance, AQueryOfFunctionWordsStillRanks) {
  EXPECT_GT(relevance("to be or not to be", "To be, or not to be, that is the question"),
            relevance("to be or not to be", "Bananas"));
}

}  // namespace
}  // namespace siraya::mock::rerank
