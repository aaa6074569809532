// The reproduce command: a POSIX-shell curl line that never carries a secret value.
#include "harness/report/curl_command.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace siraya::harness {
namespace {

TEST(CurlCommand, PostWithHeadersAndBody) {
  core::http::Request r;
  r.method = "POST";
  r.path = "/chat/completions";
  r.headers = {{"Content-Type", "application/json"}};
  r.body = R"({"content":"it's"})";
  EXPECT_EQ(curl_command("http://gw.test/v1/", r, {}),
            R"(curl -sS -N -X POST 'http://gw.test/v1/chat/completions' -H 'Content-Type: application/json' )"
            R"(--data-binary '{"content":"it'\''s"}')");
}

TEST(CurlCommand, GetAndHeadNeedNoMethodFlag) {
  core::http::Request get;
  get.path = "/models";
  EXPECT_EQ(curl_command("https://gw.test/v1", get, {}), "curl -sS -N 'https://gw.test/v1/models'");
  core::http::Request head;
  head.method = "HEAD";
  head.path = "/models";
  EXPECT_EQ(curl_command("https://gw.test/v1", head, {}), "curl -sS -N --head 'https://gw.test/v1/models'");
}

TEST(CurlCommand, SecretsBecomeEnvironmentReferences) {
  core::http::Request r;
  r.method = "POST";
  r.path = "/messages";
  r.headers = {{"x-api-key", "sk-ant-1"}, {"Authorization", "Bearer sk-ant-1"}};
  r.body = R"({"k":"sk-ant-1sk-ant-1"})";
  const SecretPlaceholders secrets{{"sk-ant-1", "SIRAYA_API_KEY"}};
  const std::string cmd = curl_command("http://gw.test/v1", r, secrets);
  EXPECT_EQ(cmd.find("sk-ant-1"), std::string::npos) << cmd;
  EXPECT_NE(cmd.find(R"(-H 'x-api-key: '"$SIRAYA_API_KEY")"), std::string::npos) << cmd;
  EXPECT_NE(cmd.find(R"(-H 'Authorization: Bearer '"$SIRAYA_API_KEY")"), std::string::npos) << cmd;
  EXPECT_NE(cmd.find(R"(--data-binary '{"k":"'"$SIRAYA_API_KEY""$SIRAYA_API_KEY"'"}')"), std::string::npos) << cmd;
}

TEST(CurlCommand, ShellWordPrefersTheLongestSecretAndQuotesEmptyText) {
  const SecretPlaceholders secrets{{"abc", "SHORT"}, {"abcdef", "LONG"}};
  EXPECT_EQ(shell_word("xabcdefy", secrets), R"('x'"$LONG"'y')");
  EXPECT_EQ(shell_word("abc", secrets), R"("$SHORT")");
  EXPECT_EQ(shell_word("", secrets), "''");
}

TEST(CurlCommand, PlaceholdersNameTheApiKeyAndTheEnvironmentVariableHoldingASecret) {
  ::setenv("SIRAYA_TEST_CURL_SECRET", "s3cr3t-value-for-curl-test", 1);
  const auto p = secret_placeholders({"the-key", "s3cr3t-value-for-curl-test", "unknown-origin"}, "the-key");
  EXPECT_EQ(p.at("the-key"), "SIRAYA_API_KEY");
  EXPECT_EQ(p.at("s3cr3t-value-for-curl-test"), "SIRAYA_TEST_CURL_SECRET");
  EXPECT_EQ(p.at("unknown-origin"), "SIRAYA_SECRET_1");
  ::unsetenv("SIRAYA_TEST_CURL_SECRET");
}

}  // namespace
}  // namespace siraya::harness
