// The rules' `body` condition (mock/rules/json_subset.h): the request body holds the pattern.
#include "mock/rules/json_subset.h"

#include <gtest/gtest.h>

namespace siraya::mock::rules {
namespace {

using nlohmann::json;

TEST(JsonSubset, ObjectsMayHaveMoreMembersArraysMustMatchItemByItem) {
  const json body = json::parse(R"({"model":"m","stream":true,"temperature":1,
      "messages":[{"role":"user","content":"hi","name":"x"}],"tools":[]})");
  EXPECT_EQ(json_subset_mismatch(json::parse(R"({"model":"m"})"), body), std::nullopt);
  EXPECT_EQ(json_subset_mismatch(json::parse(R"({"messages":[{"role":"user"}]})"), body), std::nullopt);
  EXPECT_EQ(json_subset_mismatch(json::parse(R"({"temperature":1.0})"), body), std::nullopt);
  EXPECT_EQ(json_subset_mismatch(body, body), std::nullopt);
  EXPECT_EQ(json_subset_mismatch(json::object(), body), std::nullopt);
}

TEST(JsonSubset, TheFirstDifferenceIsNamedByItsPointer) {
  const json body = json::parse(R"({"model":"m","messages":[{"role":"user","content":"hi"}],"a/b":{"c~d":1}})");
  EXPECT_EQ(json_subset_mismatch(json::parse(R"({"model":"n"})"), body), "/model");
  EXPECT_EQ(json_subset_mismatch(json::parse(R"({"stream":true})"), body), "/stream");
  EXPECT_EQ(json_subset_mismatch(json::parse(R"({"messages":[{"content":"ho"}]})"), body), "/messages/0/content");
  EXPECT_EQ(json_subset_mismatch(json::parse(R"({"messages":[]})"), body), "/messages");
  EXPECT_EQ(json_subset_mismatch(json::parse(R"({"a/b":{"c~d":2}})"), body), "/a~1b/c~0d");
  EXPECT_EQ(json_subset_mismatch(json::parse(R"({"model":"m"})"), json::parse("[1]")), "");
  EXPECT_EQ(json_subset_mismatch(json::parse(R"({"model":"m"})"), json()), "");
}

}  // namespace
}  // namespace siraya::mock::rules
