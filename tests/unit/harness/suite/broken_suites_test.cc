// `siraya-harness validate` rejects every file of tests/data/broken_suites precisely: exactly one
// problem per file, with the expected id, JSON pointer and message, and a fix.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>

#include "harness/cli/validate_command.h"
#include "harness/suite/loader.h"

namespace siraya::harness {
namespace {

const std::string kDir = std::string(SIRAYA_SOURCE_DIR) + "/tests/data/broken_suites/";

struct Expected {
  const char* id;
  const char* pointer;   // "" for a problem with the whole file
  const char* fragment;  // part of the message
};

const std::map<std::string, Expected> kExpected{
    {"not_json", {"suite.parse", "", "not valid JSON at line 5, column 18"}},
    {"schema_missing_version", {"suite.invalid", "/version", "missing required property \"version\""}},
    {"unknown_key", {"suite.invalid", "/cases/0/expect/stauts", "unexpected property \"stauts\""}},
    {"no_request", {"suite.invalid", "/cases/0/request", "missing required property \"request\""}},
    {"negative_timeout", {"suite.invalid", "/cases/0/timeouts/idle_ms", ">= 1"}},
    {"unknown_operator", {"suite.operator", "/cases/0/expect/assert/0/eqq", "unknown assertion operator \"eqq\" (did you mean \"eq\"?)"}},
    {"two_operators", {"suite.operator", "/cases/0/expect/assert/0/ne", "several operators (eq, ne)"}},
    {"inner_path", {"suite.operator", "/cases/0/expect/assert/0/each/path", "inside \"each\" has a path"}},
    {"inner_exists", {"suite.operator", "/cases/0/expect/assert/0/any/exists", "\"exists\" is not allowed inside \"any\""}},
    {"bad_pointer", {"suite.pointer", "/cases/0/expect/assert/0/path", "\"choices/0\" is not a JSON Pointer"}},
    {"bad_pointer_escape", {"suite.pointer", "/cases/0/expect/assert/0/path", "\"~\" must be followed by 0 or 1"}},
    {"capture_wildcard", {"suite.pointer", "/cases/0/steps/0/capture/call_id/body", "\"*\" is not allowed here"}},
    {"bad_regex", {"suite.regex", "/cases/0/expect/assert/0/matches", "invalid regular expression /^chatcmpl-([/"}},
    {"bad_inner_regex", {"suite.regex", "/cases/0/expect/assert/0/each/matches", "invalid regular expression /(stop/"}},
    {"bad_header_regex", {"suite.regex", "/cases/0/expect/headers/content-type", "invalid regular expression /*json/"}},
    {"unknown_variable", {"suite.variable", "/cases/0/request/body/model", "unknown variable ${modle} (did you mean ${model}?)"}},
    {"unknown_variable_in_defaults", {"suite.variable", "/defaults/headers/Authorization", "unknown variable ${apikey} (did you mean ${api_key}?)"}},
    {"unknown_variable_in_operand", {"suite.variable", "/cases/0/expect/assert/0/eq", "unknown variable ${chat_model}"}},
    {"unterminated_variable", {"suite.variable", "/cases/0/request/path", "unterminated variable reference"}},
    {"malformed_reference", {"suite.variable", "/cases/0/request/headers/Authorization", "\"${api key}\" is not a valid reference"}},
    {"variable_in_variable", {"suite.variable", "/variables/key", "a variable's value is literal"}},
    {"capture_used_before", {"suite.capture", "/cases/0/steps/0/request/body/input", "${answer} is used before it is captured (by step 2"}},
    {"capture_in_same_step", {"suite.capture", "/cases/0/steps/0/request/path", "${model_id} is used before it is captured (by step 1"}},
    {"capture_shadows_variable", {"suite.capture", "/cases/0/steps/0/capture/model", "has the name of a variable"}},
    {"capture_event_not_streaming", {"suite.capture", "/cases/0/steps/0/capture/rid/event", "in a step that does not stream"}},
    {"capture_two_sources", {"suite.shape", "/cases/0/steps/0/capture/rid", "several sources (body, header)"}},
    {"capture_no_source", {"suite.shape", "/cases/0/steps/0/capture/rid", "names no source"}},
    {"steps_and_request", {"suite.shape", "/cases/0", "both \"steps\" and request and expect"}},
    {"duplicate_case_id", {"suite.duplicate_id", "/cases/1/id", "duplicate case id \"same\" (also #/cases/0)"}},
    {"trials_more_passes_than_runs", {"suite.trials", "/cases/0/trials/min_passes", "min_passes 4 is more than runs 3"}},
    {"unknown_capability", {"suite.capability", "/cases/0/requires/0", "unknown capability \"tool-calling\""}},
    {"unknown_capability_in_defaults", {"suite.capability", "/defaults/requires/0", "unknown capability \"Streaming\" (did you mean \"streaming\"?)"}},
    {"unknown_schema_id", {"suite.schema_id", "/cases/0/expect/schema", "no schema \"chat/completion.json\""}},
};

TEST(BrokenSuites, EachFileHasExactlyItsOneProblem) {
  auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas) << schemas.error().to_string();
  const SuiteLoader loader(*schemas);
  auto files = suite_files_in(kDir);
  ASSERT_TRUE(files) << files.error().to_string();
  std::size_t seen = 0;
  for (const auto& path : *files) {
    const std::string name = std::filesystem::path(path).filename().string();
    const std::string stem = name.substr(0, name.size() - std::string(".suite.json").size());
    auto row = kExpected.find(stem);
    ASSERT_NE(row, kExpected.end()) << name << " has no row in kExpected";
    ++seen;
    const Expected& want = row->second;
    auto checked = loader.check_file(path);
    std::string all;
    for (const auto& p : checked.problems) all += "\n  " + p.to_string();
    ASSERT_EQ(checked.problems.size(), 1u) << name << ":" << all;
    const core::Error& p = checked.problems[0];
    EXPECT_EQ(p.id, want.id) << name << ":" << all;
    EXPECT_EQ(p.location, *want.pointer ? path + "#" + want.pointer : path) << name << ":" << all;
    EXPECT_NE(p.message.find(want.fragment), std::string::npos) << name << ":" << all;
    EXPECT_FALSE(p.fix.empty()) << name;
    EXPECT_FALSE(checked.suite) << name;
  }
  EXPECT_EQ(seen, kExpected.size()) << "a row of kExpected has no file";
}

TEST(ValidateCommand, BrokenCorpusExitsTwoWithOneLinePerProblem) {
  ValidateCommand command;
  command.paths = {kDir};
  std::ostringstream out, err;
  EXPECT_EQ(validate_command(command, out, err), 2);
  for (const auto& [stem, want] : kExpected) {
    EXPECT_NE(out.str().find("[" + std::string(want.id) + "] " + kDir + stem + ".suite.json"), std::string::npos)
        << stem << "\n" << out.str();
  }
  EXPECT_NE(out.str().find(std::to_string(kExpected.size()) + " problems in " + std::to_string(kExpected.size()) +
                           " suite files checked; nothing was sent"),
            std::string::npos)
      << out.str();
}

TEST(ValidateCommand, BundledSuitesAreValid) {
  std::ostringstream out, err;
  EXPECT_EQ(validate_command(ValidateCommand{}, out, err), 0) << out.str() << err.str();
  EXPECT_NE(out.str().find("suite files valid"), std::string::npos) << out.str();
}

TEST(ValidateCommand, SourceSuitesFolderIsValidAndFilesCanBeNamed) {
  ValidateCommand folder;
  folder.paths = {std::string(SIRAYA_SOURCE_DIR) + "/suites"};
  std::ostringstream out, err;
  EXPECT_EQ(validate_command(folder, out, err), 0) << out.str() << err.str();
  ValidateCommand files;
  files.paths = {kDir + "bad_regex.suite.json", std::string(SIRAYA_SOURCE_DIR) + "/suites/chat/basic.suite.json"};
  std::ostringstream out2;
  EXPECT_EQ(validate_command(files, out2, err), 2);
  EXPECT_NE(out2.str().find("1 problem in 2 suite files"), std::string::npos) << out2.str();
}

TEST(ValidateCommand, MissingPathIsAProblem) {
  ValidateCommand command;
  command.paths = {"/nonexistent/x.suite.json"};
  std::ostringstream out, err;
  EXPECT_EQ(validate_command(command, out, err), 2);
  EXPECT_NE(out.str().find("[suite.io] /nonexistent/x.suite.json"), std::string::npos) << out.str();
}

TEST(ValidateCommand, DuplicateSuiteNamesAcrossFiles) {
  const std::string file = std::string(SIRAYA_SOURCE_DIR) + "/suites/chat/basic.suite.json";
  ValidateCommand command;
  command.paths = {file, file};
  std::ostringstream out, err;
  EXPECT_EQ(validate_command(command, out, err), 2);
  EXPECT_NE(out.str().find("[suite.duplicate_name]"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace siraya::harness
