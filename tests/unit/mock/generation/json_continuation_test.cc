// mock/generation/json_continuation.h: a prefill that begins JSON is closed into one document.
#include "mock/generation/json_continuation.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace siraya::mock::generation {
namespace {

std::string completed(const std::string& prefix) {
  auto rest = continue_json(prefix, "Paris");
  return rest ? prefix + *rest : "<not json>";
}

TEST(JsonContinuation, OpenStringValueGetsTheValue) {
  EXPECT_EQ(completed(R"({"city": ")"), R"({"city": "Paris"})");
  EXPECT_EQ(completed(R"({"city": "Ly)"), R"({"city": "Ly"})");
}

TEST(JsonContinuation, EveryGrammarPositionCloses) {
  EXPECT_EQ(completed("{"), "{}");
  EXPECT_EQ(completed(R"({"a")"), R"({"a": "Paris"})");
  EXPECT_EQ(completed(R"({"a":)"), R"({"a":"Paris"})");
  EXPECT_EQ(completed(R"({"a": 1,)"), R"({"a": 1,"value": "Paris"})");
  EXPECT_EQ(completed(R"({"a": [1, {"b": tr)"), R"({"a": [1, {"b": true}]})");
  EXPECT_EQ(completed(R"([1, -)"), "[1, -0]");
  EXPECT_EQ(completed(R"({"k": "a\)"), R"({"k": "a\\"})");
  EXPECT_EQ(completed(R"({"a": 1})"), R"({"a": 1})");
  for (const char* prefix : {"{", "{\"a\"", "{\"a\": [", "[{\"x\": \"y\", \"z\": ", "{\"q\": \"\\\"", "[nul"}) {
    const std::string whole = completed(prefix);
    EXPECT_FALSE(nlohmann::json::parse(whole, nullptr, false).is_discarded()) << prefix << " -> " << whole;
  }
}

TEST(JsonContinuation, NotJsonIsNullopt) {
  EXPECT_FALSE(continue_json("{not json", "x"));
  EXPECT_FALSE(continue_json("{\"a\": 1} and more", "x"));
  EXPECT_FALSE(continue_json("[tru,", "x"));
  EXPECT_FALSE(continue_json("   ", "x"));
}

}  // namespace
}  // namespace siraya::mock::generation
