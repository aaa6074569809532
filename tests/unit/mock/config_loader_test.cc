// The configuration loader (mock/config/config_loader.h): a corpus of bad files under
// tests/data/bad_configs, each with the pointer and words its message must carry, and a good
// file read field by field.
#include "mock/config/config_loader.h"

#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "core/schema/registry.h"
#include "mock/config/command_line.h"

namespace siraya::mock::config {
namespace {

const core::schema::Registry& schemas() {
  static const auto registry = core::schema::Registry::embedded();
  return **registry;
}

std::string bad(const std::string& name) { return std::string(SIRAYA_SOURCE_DIR) + "/tests/data/bad_configs/" + name; }
std::string good(const std::string& name) { return std::string(SIRAYA_SOURCE_DIR) + "/tests/data/good_configs/" + name; }

struct BadCase {
  const char* file;
  const char* pointer;  // "" when the problem has no pointer (unreadable or not JSON)
  const char* words;
};

class BadConfig : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadConfig, IsRejectedWithPointerAndReason) {
  const BadCase& c = GetParam();
  auto config = load_config_file(bad(c.file), schemas());
  ASSERT_FALSE(config) << c.file;
  EXPECT_EQ(config.error().id, "mock.config");
  const std::string text = config.error().to_string();
  const std::string where = *c.pointer ? std::string(c.file) + "#" + c.pointer : std::string(c.file);
  EXPECT_NE(text.find(where), std::string::npos) << text;
  EXPECT_NE(text.find(c.words), std::string::npos) << text;
  EXPECT_FALSE(config.error().fix.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, BadConfig,
    ::testing::Values(BadCase{"syntax_error.json", "", "line 3, column"},
                      BadCase{"wrong_version.json", "/version", "version"},
                      BadCase{"negative_credits.json", "/keys/0/credits", "minimum"},
                      BadCase{"duplicate_key.json", "/keys/1/key", "listed twice"},
                      BadCase{"bad_regex.json", "/moderation/patterns/1", "invalid regular expression"},
                      BadCase{"zero_rate.json", "/rate_limits/requests_per_minute", "minimum"},
                      BadCase{"latency_without_ms.json", "/latency/openai~1gpt-4o", "ms"},
                      BadCase{"two_problems.json", "/deadline_ms", "maximum"},
                      BadCase{"not_an_object.json", "", "object"},
                      BadCase{"bad_fault_directive.json", "/faults/1/directive", "not a documented error status"},
                      BadCase{"fault_combination.json", "/faults/0/directive", "exclude each other"},
                      BadCase{"fault_probability.json", "/faults/0/probability", "maximum"},
                      BadCase{"fault_endpoint.json", "/faults/0/match/endpoint", "endpoint"}),
    [](const auto& param_info) {
      std::string name = param_info.param.file;
      return name.substr(0, name.find('.'));
    });

TEST(ConfigLoader, ReportsEveryProblemNotOnlyTheFirst) {
  auto config = load_config_file(bad("two_problems.json"), schemas());
  ASSERT_FALSE(config);
  EXPECT_NE(config.error().message.find("two_problems.json#/deadline_ms"), std::string::npos) << config.error().message;
  EXPECT_NE(config.error().message.find("two_problems.json#/upstreams"), std::string::npos) << config.error().message;
}

TEST(ConfigLoader, UnreadableFileNamesThePath) {
  auto config = load_config_file(bad("no_such_file.json"), schemas());
  ASSERT_FALSE(config);
  EXPECT_NE(config.error().to_string().find("no_such_file.json"), std::string::npos);
}

TEST(ConfigLoader, ReadsEveryField) {
  const nlohmann::json document = nlohmann::json::parse(R"({
    "version": 1,
    "keys": [{"key": "sk-a", "credits": 2.5}, {"key": "sk-b"}],
    "rate_limits": {"requests_per_minute": 60, "tokens_per_minute": 1000,
                    "models": {"openai/gpt-4o": {"requests_per_minute": 5}}},
    "moderation": {"terms": ["bomb"], "patterns": ["k[i1]ll"], "models": ["*"]},
    "latency": {"openai/gpt-4o": {"ms": 200, "jitter_ms": 50}},
    "deadline_ms": 1000,
    "upstreams": {"down_models": ["a/b"], "down_providers": ["azure"], "invalid_models": ["c/d"],
                  "collecting_providers": ["openai"]},
    "rules": ["rules/a.json"]
  })");
  auto config = parse_config(document, "inline", schemas());
  ASSERT_TRUE(config) << config.error().to_string();
  ASSERT_EQ(config->keys.size(), 2u);
  EXPECT_EQ(config->keys[0].credits, 2.5);
  EXPECT_FALSE(config->keys[1].credits);
  EXPECT_EQ(config->rate_limit.requests_per_minute, 60);
  EXPECT_EQ(config->rate_limit.tokens_per_minute, 1000);
  EXPECT_EQ(config->model_limits.at("openai/gpt-4o").requests_per_minute, 5);
  EXPECT_EQ(config->moderation.patterns, std::vector<std::string>{"k[i1]ll"});
  EXPECT_EQ(config->latency.at("openai/gpt-4o").jitter.count(), 50);
  EXPECT_EQ(config->deadline->count(), 1000);
  EXPECT_EQ(config->down_providers, std::vector<std::string>{"azure"});
  EXPECT_EQ(config->collecting_providers, std::vector<std::string>{"openai"});
  EXPECT_EQ(config->rules_files, std::vector<std::string>{"rules/a.json"});
}

TEST(ConfigLoader, SyntaxErrorsGiveLineAndColumn) {
  auto config = load_config_file(bad("syntax_error.json"), schemas());
  ASSERT_FALSE(config);
  // {"key": "sk-a" "credits": 1}: the parser stops after the unexpected string on line 3.
  EXPECT_NE(config.error().message.find("at line 3, column 27"), std::string::npos) << config.error().message;
}

TEST(ConfigLoader, BadFaultDirectiveNamesTheFileThePointerAndTheVocabulary) {
  auto config = load_config_file(bad("bad_fault_directive.json"), schemas());
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().location, bad("bad_fault_directive.json") + "#/faults/1/directive");
  EXPECT_NE(config.error().message.find("\"status=42\""), std::string::npos) << config.error().message;
  EXPECT_NE(config.error().fix.find("fault=<truncate|drop-terminal"), std::string::npos) << config.error().fix;
}

TEST(ConfigLoader, ReadsFaultsWithTheHeaderVocabulary) {
  auto config = load_config_file(good("faults.json"), schemas());
  ASSERT_TRUE(config) << config.error().to_string();
  ASSERT_EQ(config->faults.size(), 3u);
  const ConfiguredFault& first = config->faults[0];
  EXPECT_EQ(first.endpoints, std::vector<std::string>{"/v1/chat/completions"});
  EXPECT_EQ(first.model, "openai/gpt-4o");
  EXPECT_DOUBLE_EQ(first.probability, 0.1);
  EXPECT_EQ(first.directive, "fault=truncate;after=3");
  EXPECT_EQ(first.directives.fault, faults::FaultKind::truncate);
  EXPECT_EQ(first.directives.after, 3u);
  const ConfiguredFault& second = config->faults[1];
  EXPECT_EQ(second.endpoints, (std::vector<std::string>{"/v1/responses", "/v1/messages"}));
  EXPECT_TRUE(second.model.empty());
  EXPECT_DOUBLE_EQ(second.probability, 1.0);  // absent: every matching request
  EXPECT_EQ(second.directives.status, 503);
  EXPECT_EQ(second.directives.retry_after, 2);
  EXPECT_DOUBLE_EQ(config->faults[2].probability, 0.0);
  EXPECT_EQ(config->faults[2].directives.delay.count(), 10);
  EXPECT_EQ(config->source, good("faults.json"));
}

TEST(ConfigLoader, RelativePathsAreRelativeToTheConfigFile) {
  const std::string dir = std::string(SIRAYA_SOURCE_DIR) + "/tests/data/good_configs/";
  auto config = load_config_file(good("relative_paths.json"), schemas());
  ASSERT_TRUE(config) << config.error().to_string();
  EXPECT_EQ(config->catalog_file, dir + "catalogs/small.json");
  EXPECT_EQ(config->rules_files, (std::vector<std::string>{dir + "rules/agent.json", "/etc/siraya/absolute.json"}));
  // --config goes through the same resolution.
  CommandLine line;
  line.file = good("relative_paths.json");
  auto loaded = load(line, schemas());
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  EXPECT_EQ(loaded->catalog_file, dir + "catalogs/small.json");
  // A document without a file keeps paths as written (relative to the working directory).
  auto inline_config = parse_config(nlohmann::json{{"version", 1}, {"catalog", "c.json"}}, "inline", schemas());
  ASSERT_TRUE(inline_config);
  EXPECT_EQ(inline_config->catalog_file, "c.json");
}

TEST(ConfigCommandLine, OptionsExtendTheFileAndGoThroughTheSameChecks) {
  CommandLine line;
  line.credits = {"sk-x=0.25"};
  line.requests_per_minute = 10;
  line.moderate_patterns = {"(unclosed"};
  auto config = load(line, schemas());
  ASSERT_FALSE(config);
  EXPECT_NE(config.error().to_string().find("command line#/moderation/patterns/0"), std::string::npos)
      << config.error().to_string();
  line.moderate_patterns = {"ok"};
  config = load(line, schemas());
  ASSERT_TRUE(config) << config.error().to_string();
  EXPECT_EQ(config->keys.at(0).key, "sk-x");
  EXPECT_EQ(config->keys.at(0).credits, 0.25);
  EXPECT_EQ(config->rate_limit.requests_per_minute, 10);
  line.credits = {"sk-x"};
  EXPECT_FALSE(load(line, schemas()));
}

}  // namespace
}  // namespace siraya::mock::config
