// Every bundled suite passes against the embedded siraya-mock (started in-process on port 0),
// driven through the same entry point as `siraya-harness run`.
#include <gtest/gtest.h>

#include <sstream>

#include "harness/cli/run_command.h"

namespace siraya::harness {
namespace {

TEST(BundledSuites, AllPassAgainstTheEmbeddedMock) {
  RunCommand command;
  command.jobs = 4;
  command.junit_path = ::testing::TempDir() + "bundled_suites.xml";
  std::ostringstream out, err;
  const int code = run_command(command, out, err);
  EXPECT_EQ(code, 0) << out.str() << err.str();
  EXPECT_NE(out.str().find(" 0 failed"), std::string::npos) << out.str();
  EXPECT_EQ(out.str().find("FAIL"), std::string::npos) << out.str();
  EXPECT_EQ(out.str().find("sk-siraya-local"), std::string::npos) << "the API key must be redacted";
}

TEST(BundledSuites, StrictProfileAlsoPasses) {
  RunCommand command;
  command.profile = "strict";
  std::ostringstream out, err;
  EXPECT_EQ(run_command(command, out, err), 0) << out.str() << err.str();
}

TEST(BundledSuites, UsageErrorsExitWithTwo) {
  std::ostringstream out, err;
  RunCommand bad_profile;
  bad_profile.profile = "relaxed";
  EXPECT_EQ(run_command(bad_profile, out, err), 2);
  RunCommand no_match;
  no_match.filters = {"no-such-suite#*"};
  EXPECT_EQ(run_command(no_match, out, err), 2);
  RunCommand missing_file;
  missing_file.suite_files = {"/nonexistent/x.suite.json"};
  EXPECT_EQ(run_command(missing_file, out, err), 2);
  EXPECT_NE(err.str().find("[suite.io]"), std::string::npos) << err.str();
}

TEST(BundledSuites, UnreachableTargetIsAHarnessError) {
  RunCommand command;
  command.base_url = "http://127.0.0.1:1/v1";
  command.filters = {"models/list#list"};
  std::ostringstream out, err;
  EXPECT_EQ(run_command(command, out, err), 3) << out.str();
  EXPECT_NE(out.str().find("ERROR"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace siraya::harness
