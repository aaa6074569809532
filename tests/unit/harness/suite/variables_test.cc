#include "harness/suite/variables.h"

#include <gtest/gtest.h>
#include <stdlib.h>

namespace siraya::harness {
namespace {

TEST(Variables, ResolvesNamesEnvAndSecrets) {
  ::setenv("SIRAYA_TEST_ENV", "from-env", 1);
  ::setenv("SIRAYA_TEST_SECRET", "s3cr3t", 1);
  Variables v;
  v.set("model", "openai/gpt-4o");
  auto r = v.resolve(std::string("${model} ${env:SIRAYA_TEST_ENV} ${secret:SIRAYA_TEST_SECRET} $${literal}"));
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(*r, "openai/gpt-4o from-env s3cr3t ${literal}");
  EXPECT_EQ(v.secrets().count("s3cr3t"), 1u);
  EXPECT_EQ(redact("key=s3cr3t; again s3cr3t", v.secrets()), "key=***; again ***");
}

TEST(Variables, SecretVariablesAreRedacted) {
  Variables v;
  v.set("api_key", "sk-abc", true);
  EXPECT_EQ(redact("Bearer sk-abc", v.secrets()), "Bearer ***");
}

TEST(Variables, UnknownNameAndUnsetEnvAreErrors) {
  Variables v;
  auto unknown = v.resolve(std::string("${nope}"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().id, "suite.variable");
  ::unsetenv("SIRAYA_TEST_UNSET");
  auto env = v.resolve(std::string("${env:SIRAYA_TEST_UNSET}"));
  ASSERT_FALSE(env);
  EXPECT_NE(env.error().fix.find("SIRAYA_TEST_UNSET"), std::string::npos);
  EXPECT_FALSE(v.resolve(std::string("${unterminated")));
}

TEST(Variables, ResolvesInsideJsonValuesOnly) {
  Variables v;
  v.set("m", "x");
  auto r = v.resolve(nlohmann::json{{"${m}", "${m}"}, {"list", {"${m}", 1, true}}});
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)["${m}"], "x");
  EXPECT_EQ((*r)["list"][0], "x");
  EXPECT_EQ((*r)["list"][1], 1);
}

}  // namespace
}  // namespace siraya::harness
