// string_for_pattern: strings generated from ECMAScript patterns match them (checked with
// std::regex, the engine the validator uses) within the length window; unsupported constructs are
// reported rather than guessed.
#include "mock/generation/schema/pattern_strings.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace siraya::mock::generation::schema {
namespace {

struct Case {
  const char* pattern;
  std::size_t min;
  std::size_t max;
};

class PatternStrings : public ::testing::TestWithParam<Case> {};

TEST_P(PatternStrings, MatchWithinTheLengthWindow) {
  const Case c = GetParam();
  const std::regex re(c.pattern, std::regex::ECMAScript);
  for (std::uint64_t seed = 0; seed < 12; ++seed) {
    Rng rng(seed);
    auto s = string_for_pattern(c.pattern, c.min, c.max, rng, [&](const std::string& candidate) {
      return candidate.size() >= c.min && candidate.size() <= c.max && std::regex_search(candidate, re);
    });
    ASSERT_TRUE(s) << c.pattern << ": " << s.error().to_string();
    EXPECT_TRUE(std::regex_search(*s, re)) << c.pattern << " -> " << *s;
    EXPECT_GE(s->size(), c.min) << *s;
    EXPECT_LE(s->size(), c.max) << *s;
  }
}

constexpr std::size_t kAny = 1000;

INSTANTIATE_TEST_SUITE_P(
    Patterns, PatternStrings,
    ::testing::Values(Case{"^abc$", 0, kAny}, Case{"^[a-z]{3,5}$", 0, kAny}, Case{"^\\d{3}-\\d{4}$", 0, kAny},
                      Case{"^(red|green|blue)$", 0, kAny}, Case{"^[^0-9]+$", 5, 9}, Case{"^\\w+@\\w+\\.com$", 0, kAny},
                      Case{"^a*$", 0, 0}, Case{"^a+b?c{2,}$", 10, 12}, Case{"x", 30, 40}, Case{"^start", 20, 25},
                      Case{"end$", 20, 25}, Case{"^(?:ab|c)+$", 9, 9}, Case{"^[\\s\\S]{4}$", 0, kAny},
                      Case{"^\\$\\(\\d+\\)$", 0, kAny}, Case{"^[A-Z][a-z]*( [A-Z][a-z]*)*$", 15, 30},
                      Case{"^\\x41\\t\\u0042$", 0, kAny}, Case{"^a{2}\\{x}$", 0, kAny}, Case{"\\bword\\b", 0, kAny}),
    [](const ::testing::TestParamInfo<Case>& param) { return "p" + std::to_string(param.index); });

TEST(PatternStringsErrors, UnsupportedConstructsAreNamed) {
  for (const char* p : {"^(?=a)a$", "^(?!a)b$", "(?<=a)b", "^(a)\\1$", "^\\p{L}+$"}) {
    Rng rng(1);
    auto s = string_for_pattern(p, 0, 100, rng, [](const std::string&) { return true; });
    ASSERT_FALSE(s) << p;
    EXPECT_EQ(s.error().id, "schema.unsupported") << p;
    EXPECT_FALSE(s.error().message.empty());
  }
}

TEST(PatternStringsErrors, ImpossibleLengthIsReported) {
  Rng rng(1);
  auto s = string_for_pattern("^[a-z]{10}$", 0, 5, rng, [](const std::string& c) { return c.size() <= 5; });
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("^[a-z]{10}$"), std::string::npos) << s.error().message;
}

}  // namespace
}  // namespace siraya::mock::generation::schema
