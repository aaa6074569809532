// Property test of the schema-driven generator over the corpus in tests/data/generator_schemas:
// for every schema, instances drawn with several seeds validate with the harness's validator
// (core::schema::Registry::validate_inline), the same seed gives the same bytes, and
// check_schema accepts it. The corpus under errors/ holds schemas that cannot be generated for,
// each with the error id and the JSON pointer of the keyword the error must name.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/schema/registry.h"
#include "mock/generation/json_instance.h"

namespace siraya::mock::generation {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kSeeds = 8;

const fs::path kCorpus = fs::path(SIRAYA_SOURCE_DIR) / "tests" / "data" / "generator_schemas";

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

json load(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  json doc = json::parse(text.str(), nullptr, false);
  EXPECT_TRUE(doc.is_array()) << file << " must hold an array of {name, schema, ...}";
  return doc.is_array() ? doc : json::array();
}

std::string violations(const json& schema, const json& value) {
  auto findings = core::schema::Registry::validate_inline(schema, value, "instance");
  if (!findings) return findings.error().to_string();
  std::string out;
  for (const auto& f : *findings) out += "  " + f.location + ": " + f.what + "\n";
  return out;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param.substr(0, info.param.size() - 5);
  std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return name;
}

class GeneratorCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(GeneratorCorpus, EveryInstanceValidates) {
  for (const json& entry : load(kCorpus / GetParam())) {
    const json& schema = entry["schema"];
    SCOPED_TRACE(entry["name"].get<std::string>() + ": " + schema.dump());
    auto checked = check_schema(schema);
    ASSERT_TRUE(checked) << checked.error().to_string();
    for (int seed = 0; seed < kSeeds; ++seed) {
      Rng rng(static_cast<std::uint64_t>(seed) * 7919 + 1);
      auto instance = generate_instance(schema, rng);
      ASSERT_TRUE(instance) << "seed " << seed << ": " << instance.error().to_string();
      EXPECT_EQ(violations(schema, *instance), "") << "seed " << seed << ": " << instance->dump();
    }
  }
}

TEST_P(GeneratorCorpus, SameSeedSameBytes) {
  for (const json& entry : load(kCorpus / GetParam())) {
    SCOPED_TRACE(entry["name"].get<std::string>());
    Rng a(42), b(42);
    auto first = generate_instance(entry["schema"], a);
    auto second = generate_instance(entry["schema"], b);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->dump(), second->dump());
  }
}

INSTANTIATE_TEST_SUITE_P(Files, GeneratorCorpus, ::testing::ValuesIn(files_in(kCorpus)), test_name);

TEST(GeneratorCorpusSize, HoldsAtLeast200Schemas) {
  std::size_t total = 0;
  for (const auto& file : files_in(kCorpus)) total += load(kCorpus / file).size();
  EXPECT_GE(total, 200u);
}

class GeneratorErrors : public ::testing::TestWithParam<std::string> {};

TEST_P(GeneratorErrors, NameTheKeyword) {
  for (const json& entry : load(kCorpus / "errors" / GetParam())) {
    const json& schema = entry["schema"];
    SCOPED_TRACE(entry["name"].get<std::string>() + ": " + schema.dump());
    auto checked = check_schema(schema);
    ASSERT_FALSE(checked) << "check_schema accepted it";
    EXPECT_EQ(checked.error().id, entry["error"].get<std::string>()) << checked.error().to_string();
    EXPECT_EQ(checked.error().location, entry["location"].get<std::string>()) << checked.error().to_string();
    EXPECT_FALSE(checked.error().message.empty());
    if (checked.error().id == "schema.invalid" && entry.value("validator_only", false)) continue;
    for (std::uint64_t seed : {1u, 2u}) {
      Rng rng(seed);
      auto instance = generate_instance(schema, rng);
      ASSERT_FALSE(instance) << "generated " << instance->dump();
      EXPECT_EQ(instance.error().id, checked.error().id);
      EXPECT_EQ(instance.error().location, checked.error().location);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Files, GeneratorErrors, ::testing::ValuesIn(files_in(kCorpus / "errors")), test_name);

}  // namespace
}  // namespace siraya::mock::generation
