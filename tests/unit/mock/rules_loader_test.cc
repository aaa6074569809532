// Bad rules files (tests/data/bad_rules/) get an error that points at the bad rule.
#include <gtest/gtest.h>

#include "core/schema/registry.h"
#include "mock/rules/rule_loader.h"

namespace siraya::mock::rules {
namespace {

const std::string kDir = std::string(SIRAYA_SOURCE_DIR) + "/tests/data/bad_rules/";

struct BadFile {
  const char* file;
  const char* pointer;  // expected end of the error location
  const char* message;  // expected part of the message
};

const BadFile kBadFiles[] = {
    {"not_json.json", "not_json.json", "not JSON: parse error at line 2, column 1"},
    {"unknown_field.json", "#/rules/1/when/user_txt", "user_txt"},
    {"bad_regex.json", "#/rules/1/when/user_text/regex", "\"list (files\" does not compile"},
    {"error_with_text.json", "#/rules/0/reply/error", "cannot also have text"},
    {"bad_status.json", "#/rules/0/reply/error/status", ""},
    {"content_on_embeddings.json", "#/rules/0/when/endpoint", "\"embeddings\" cannot answer text"},
    {"turn_range.json", "#/rules/0/when/turn", "turn.min 3 is greater than turn.max 1"},
    {"fault_combination.json", "#/rules/0/reply", "code"},
    {"missing_reply.json", "/rules/0/reply", "reply"},
    {"recorded_with_text.json", "#/rules/0/reply/recorded", "a recorded reply stands alone"},
    {"recorded_body_and_events.json", "#/rules/0/reply/recorded", ""},
    {"body_plain_object.json", "#/rules/0/when/body/model", "unexpected property \"model\""},
};

TEST(RulesLoader, BadFilesPointAtTheBadRule) {
  auto registry = core::schema::Registry::embedded();
  ASSERT_TRUE(registry);
  for (const auto& bad : kBadFiles) {
    auto loaded = load_rules_files({kDir + bad.file}, **registry);
    ASSERT_FALSE(loaded) << bad.file;
    const core::Error& e = loaded.error();
    EXPECT_EQ(e.id, "mock.rules") << bad.file;
    const std::string pointer = bad.pointer;
    EXPECT_EQ(e.location.substr(e.location.size() - std::min(e.location.size(), pointer.size())), pointer)
        << bad.file << ": " << e.to_string();
    EXPECT_NE(e.message.find(bad.message), std::string::npos) << bad.file << ": " << e.to_string();
    EXPECT_FALSE(e.fix.empty()) << bad.file;
  }
}

TEST(RulesLoader, MissingFileIsAnError) {
  auto registry = core::schema::Registry::embedded();
  ASSERT_TRUE(registry);
  auto loaded = load_rules_files({kDir + "no_such_file.json"}, **registry);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().message, "cannot read the rules file");
}

TEST(RulesLoader, FilesConcatenateInOrderAndExamplesLoad) {
  auto registry = core::schema::Registry::embedded();
  ASSERT_TRUE(registry);
  const std::string examples = std::string(SIRAYA_SOURCE_DIR) + "/examples/rules/";
  for (const char* file : {"agent_loop.json", "claude_code_bash.json", "codex_exec_command.json", "opencode_bash.json"}) {
    auto loaded = load_rules_files({examples + file}, **registry);
    ASSERT_TRUE(loaded) << loaded.error().to_string();
    EXPECT_FALSE((*loaded)->rules.empty()) << file;
  }
  auto both = load_rules_files({examples + "agent_loop.json", examples + "codex_exec_command.json"}, **registry);
  ASSERT_TRUE(both);
  EXPECT_EQ((*both)->rules.front().where.find(examples + "agent_loop.json#/rules/0"), 0u);
}

TEST(RulesLoader, DirectivesUseTheFaultVocabulary) {
  auto ok = parse_rules(R"({"version":1,"rules":[{"name":"f","reply":{"fault":{"fault":"error","after":2,"code":503},
                            "timing":{"delay":10,"interval":5}}}]})",
                        "x", nullptr);
  ASSERT_TRUE(ok) << ok.error().to_string();
  const faults::Directives& d = (*ok)->rules[0].reply.directives;
  EXPECT_EQ(d.fault, faults::FaultKind::error);
  EXPECT_EQ(d.after, 2u);
  EXPECT_EQ(d.error_code(), 503);
  EXPECT_EQ(d.delay.count(), 10);
  EXPECT_EQ(d.interval.count(), 5);
}

}  // namespace
}  // namespace siraya::mock::rules
