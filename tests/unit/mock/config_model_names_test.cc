// Model names of a configuration checked against the catalog (mock/config/model_names.h): a corpus
// of files under tests/data/bad_configs that pass the schema but name models the built-in catalog
// lacks, each reported at its pointer with the nearest catalog id.
#include "mock/config/model_names.h"

#include <string>

#include <gtest/gtest.h>

#include "core/schema/registry.h"
#include "mock/config/config_loader.h"
#include "mock_test_support.h"

namespace siraya::mock::config {
namespace {

const core::schema::Registry& schemas() {
  static const auto registry = core::schema::Registry::embedded();
  return **registry;
}

std::string bad(const std::string& name) { return std::string(SIRAYA_SOURCE_DIR) + "/tests/data/bad_configs/" + name; }

struct UnknownModelCase {
  const char* file;
  const char* pointer;  // of the first unknown name
  const char* nearest;  // the catalog id suggested for it
};

class UnknownModel : public ::testing::TestWithParam<UnknownModelCase> {};

TEST_P(UnknownModel, IsRejectedAtItsPointerWithTheNearestId) {
  const UnknownModelCase& c = GetParam();
  auto config = load_config_file(bad(c.file), schemas());
  ASSERT_TRUE(config) << config.error().to_string();  // the schema cannot know the catalog
  auto checked = check_model_names(*config, *Catalog::builtin());
  ASSERT_FALSE(checked) << c.file;
  const core::Error& e = checked.error();
  EXPECT_EQ(e.id, "mock.config");
  EXPECT_EQ(e.location, bad(c.file) + "#" + c.pointer) << e.to_string();
  const std::string text = e.to_string();
  EXPECT_NE(text.find("did you mean \"" + std::string(c.nearest) + "\"?"), std::string::npos) << text;
  EXPECT_NE(text.find("unknown model"), std::string::npos) << text;
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, UnknownModel,
    ::testing::Values(UnknownModelCase{"unknown_down_model.json", "/upstreams/down_models/1", "openai/gpt-4o"},
                      UnknownModelCase{"unknown_invalid_model.json", "/upstreams/invalid_models/0", "deepseek/deepseek-r1"},
                      UnknownModelCase{"unknown_moderation_model.json", "/moderation/models/1",
                                       "anthropic/claude-sonnet-4.5"},
                      UnknownModelCase{"unknown_latency_model.json", "/latency/gpt-4o", "openai/gpt-4o"},
                      UnknownModelCase{"unknown_rate_limit_model.json", "/rate_limits/models/google~1gemini-2.5-flsh",
                                       "google/gemini-2.5-flash"},
                      UnknownModelCase{"unknown_fault_model.json", "/faults/0/match/model", "anthropic/claude-opus-5.5"}),
    [](const auto& param_info) {
      std::string name = param_info.param.file;
      return name.substr(0, name.find('.'));
    });

TEST(ConfigModelNames, EveryUnknownNameIsListed) {
  auto config = load_config_file(bad("unknown_latency_model.json"), schemas());
  ASSERT_TRUE(config);
  auto checked = check_model_names(*config, *Catalog::builtin());
  ASSERT_FALSE(checked);
  const std::string& message = checked.error().message;
  EXPECT_NE(message.find("2 problems"), std::string::npos) << message;
  EXPECT_NE(message.find("#/latency/openai~1gpt-4o-mnii: unknown model"), std::string::npos) << message;
  EXPECT_NE(message.find("\"openai/gpt-4o-mini\""), std::string::npos) << message;
  EXPECT_EQ(message.find("#/latency/*"), std::string::npos) << message;  // "*" is every model
}

TEST(ConfigModelNames, IdsAliasesAndStarsPass) {
  Config c;
  c.down_models = {"openai/gpt-4.1", "claude-sonnet-4-5"};
  c.moderation.models = {"*"};
  c.latency["*"] = {};
  c.latency["claude-opus-5-5"] = {};
  c.model_limits["openai/gpt-4o"] = {};
  EXPECT_TRUE(check_model_names(c, *Catalog::builtin()));
  c.model_limits["*"] = {};  // rate_limits.requests_per_minute is every model's
  EXPECT_FALSE(check_model_names(c, *Catalog::builtin()));
}

TEST(ConfigModelNames, TheServerRefusesToStartWithAnUnknownModel) {
  auto config = load_config_file(bad("unknown_down_model.json"), schemas());
  ASSERT_TRUE(config);
  Options options;
  options.port = 0;
  options.config = std::make_shared<const Config>(*config);
  auto server = Server::start(std::move(options));
  ASSERT_FALSE(server);
  EXPECT_EQ(server.error().id, "mock.config");
  EXPECT_NE(server.error().location.find("#/upstreams/down_models/1"), std::string::npos);
}

}  // namespace
}  // namespace siraya::mock::config
