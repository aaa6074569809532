// `siraya-harness check` (harness/cli/check_command): exit 0 for a valid capture, 1 when a finding
// is an error, 2 for bad usage, with the findings printed in the run's "[id] location: what
// (fix)" form; standard input, --json and --request work as documented.
#include "harness/cli/check_command.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

namespace siraya::harness {
namespace {

const std::filesystem::path kData = std::filesystem::path(SIRAYA_SOURCE_DIR) / "tests" / "data" / "offline_check";

struct Outcome {
  int code;
  std::string out, err;
};

Outcome run(CheckCommand c, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  const int code = check_command(c, in, out, err);
  return {code, out.str(), err.str()};
}

CheckCommand for_file(const std::string& relative, const std::string& dialect) {
  CheckCommand c;
  c.file = (kData / relative).string();
  c.dialect = dialect;
  return c;
}

TEST(CheckCommand, AValidStreamPasses) {
  const auto r = run(for_file("valid/chat_crlf_comments.sse", "chat"));
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("as chat_completions stream (10 events)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("PASS: 0 errors, 0 warnings"), std::string::npos) << r.out;
}

TEST(CheckCommand, ABrokenStreamFailsWithItsFinding) {
  const auto r = run(for_file("broken/chat_no_done.sse", "chat"));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("error [sse.chat.done_missing] end of stream"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("FAIL: 1 error, 0 warnings"), std::string::npos) << r.out;
}

TEST(CheckCommand, ReadsStandardInputAndPrintsJson) {
  CheckCommand c;
  c.file = "-";
  c.dialect = "messages";
  c.json = true;
  const auto r = run(c, "event: message_start\ndata: {\"type\":\"message_start\"}\n\n");
  EXPECT_EQ(r.code, 1);
  const auto verdict = nlohmann::json::parse(r.out);
  EXPECT_EQ(verdict["file"], "-");
  EXPECT_EQ(verdict["endpoint"], "messages");
  EXPECT_EQ(verdict["stream"], true);
  EXPECT_EQ(verdict["events"], 1);
  EXPECT_EQ(verdict["passed"], false);
  ASSERT_FALSE(verdict["findings"].empty());
  EXPECT_TRUE(verdict["findings"][0].contains("fix"));
}

TEST(CheckCommand, TheProfileDecidesSeverities) {
  // A Responses stream without data: [DONE]: a warning under standard, an error under strict.
  auto c = for_file("valid/responses_without_done.sse", "responses");
  EXPECT_EQ(run(c).code, 0);
  c.profile = "strict";
  EXPECT_EQ(run(c).code, 1);
}

TEST(CheckCommand, BadUsageExitsWithTwoAndSaysHowToFixIt) {
  auto missing = for_file("valid/nope.sse", "chat");
  auto r = run(missing);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("[check.io]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("pass a readable file, or - to read standard input"), std::string::npos) << r.err;

  auto dialect = for_file("valid/chat_crlf_comments.sse", "completions");
  EXPECT_EQ(run(dialect).code, 2);
  auto profile = for_file("valid/chat_crlf_comments.sse", "chat");
  profile.profile = "picky";
  r = run(profile);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("use lenient, standard or strict"), std::string::npos) << r.err;

  auto request = for_file("valid/chat_crlf_comments.sse", "chat");
  request.request_file = (kData / "valid" / "chat_crlf_comments.sse").string();  // not JSON
  r = run(request);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("[check.request]"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace siraya::harness
