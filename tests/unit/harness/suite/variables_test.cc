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

TEST(Variables, ShortSecretsAreRedactedAsWholeTokensOnly) {
  Variables v;
  v.set("api_key", "k", true);
  EXPECT_EQ(redact("Bearer k; keep-alive k", v.secrets()), "Bearer ***; keep-alive ***");
  EXPECT_EQ(redact("x-k k-x kk", v.secrets()), "x-k k-x kk");
}

TEST(Variables, LongSecretsAreRedactedWhereverTheyStand) {
  Variables v;
  v.set("api_key", "sk-0123456789", true);
  v.set("other", "sk-0123456789abc", true);
  EXPECT_EQ(redact("Bearer sk-0123456789abc and xsk-0123456789x", v.secrets()), "Bearer *** and x***x");
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


TEST(Variables, DeferredNamesResolveEmptyAndStillLearnSecrets) {
  ::setenv("SIRAYA_TEST_DEFERRED_SECRET", "deferred-s3cr3t", 1);
  Variables v;
  v.set("model", "m");
  const std::set<std::string> deferred{"response_id"};
  auto r = v.resolve(std::string("${model}/${response_id}/${secret:SIRAYA_TEST_DEFERRED_SECRET}"), &deferred);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(*r, "m//deferred-s3cr3t");
  EXPECT_EQ(v.secrets().count("deferred-s3cr3t"), 1u);
  EXPECT_FALSE(v.resolve(std::string("${response_id}")));  // without deferral it is unknown
}

TEST(Variables, ReferencesAreListedInOrder) {
  auto refs = variable_references("a ${x} $${literal} ${env:HOME} ${secret:KEY}");
  ASSERT_TRUE(refs) << refs.error().to_string();
  ASSERT_EQ(refs->size(), 3u);
  EXPECT_EQ((*refs)[0].kind, VariableRef::Kind::name);
  EXPECT_EQ((*refs)[0].name, "x");
  EXPECT_EQ((*refs)[1].kind, VariableRef::Kind::env);
  EXPECT_EQ((*refs)[1].name, "HOME");
  EXPECT_EQ((*refs)[2].kind, VariableRef::Kind::secret);
  EXPECT_EQ((*refs)[2].name, "KEY");
  EXPECT_FALSE(variable_references("${unterminated"));
  EXPECT_FALSE(variable_references("${two words}"));
  EXPECT_FALSE(variable_references("${env:}"));
  EXPECT_FALSE(variable_references("${9lives}"));
}

}  // namespace
}  // namespace siraya::harness
