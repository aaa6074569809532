// Reading catalog files: every problem names the file, a JSON pointer and a fix
// (mock/catalog/catalog_loader.h).
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "catalog_test_support.h"
#include "core/schema/registry.h"
#include "mock/catalog/catalog_loader.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

json one_model() {
  return json::parse(R"({"id": "acme/chat-1", "name": "Acme Chat 1", "type": "chat", "created": 1700000000,
    "context_length": 4096, "max_completion_tokens": 1024,
    "modalities": {"input": ["text"], "output": ["text"]},
    "endpoints": ["/v1/chat/completions", "/v1/responses", "/v1/messages"],
    "pricing": {"prompt": "0.000001", "completion": "0.000002"},
    "providers": [{"name": "Acme", "slug": "acme"}]})");
}

json catalog_of(json models) { return {{"version", 1}, {"models", std::move(models)}}; }

class CatalogLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto registry = core::schema::Registry::embedded();
    ASSERT_TRUE(registry) << registry.error().to_string();
    schemas_ = *registry;
  }
  // The error for `doc`, validated with and without the schema; both must fail.
  core::Error error_for(const std::string& text, bool with_schema = true) {
    auto result = parse_catalog(text, "cat.json", with_schema ? schemas_.get() : nullptr);
    EXPECT_FALSE(result) << text;
    if (result) return {};
    EXPECT_EQ(result.error().id, "mock.catalog");
    EXPECT_FALSE(result.error().fix.empty()) << result.error().to_string();
    return result.error();
  }
  core::Error error_for(const json& doc, bool with_schema = true) { return error_for(doc.dump(), with_schema); }

  std::shared_ptr<const core::schema::Registry> schemas_;
};

TEST_F(CatalogLoaderTest, AValidCatalog) {
  json model = one_model();
  model["aliases"] = {"chat-1"};
  model["supported_parameters"] = {"temperature"};
  model["providers"].push_back({{"name", "Other"}, {"slug", "other"}, {"context_length", 2048},
                                {"pricing", {{"prompt", "0"}, {"completion", "0"}}}});
  auto catalog = parse_catalog(catalog_of({model}).dump(), "cat.json", schemas_.get());
  ASSERT_TRUE(catalog) << catalog.error().to_string();
  ASSERT_EQ((*catalog)->models().size(), 1u);
  const Model& m = (*catalog)->models()[0];
  EXPECT_EQ(m.owned_by, "acme");
  EXPECT_EQ((*catalog)->find("chat-1"), &m);
  EXPECT_TRUE(m.supports("temperature"));
  ASSERT_EQ(m.providers.size(), 2u);
  EXPECT_EQ(m.providers[1].context_length, 2048);
  ASSERT_TRUE(m.providers[1].pricing.has_value());
  EXPECT_EQ(m.providers[1].pricing->prompt, "0");
}

TEST_F(CatalogLoaderTest, NotJsonNamesThePosition) {
  const core::Error e = error_for(std::string("{\"version\": 1,\n \"models\": [}"));
  EXPECT_EQ(e.location, "cat.json");
  EXPECT_NE(e.message.find("line 2"), std::string::npos) << e.to_string();
}

TEST_F(CatalogLoaderTest, SchemaViolationsPointAtTheValue) {
  json model = one_model();
  model["context_length"] = "big";
  const core::Error e = error_for(catalog_of({one_model(), model}));
  EXPECT_EQ(e.location, "cat.json#/models/1/context_length") << e.to_string();

  model = one_model();
  model.erase("providers");
  EXPECT_EQ(error_for(catalog_of({model})).location, "cat.json#/models/0/providers");
  EXPECT_EQ(error_for(catalog_of({model}), false).location, "cat.json#/models/0/providers");

  model = one_model();
  model["type"] = "image";
  EXPECT_EQ(error_for(catalog_of({model})).location, "cat.json#/models/0/type");
  EXPECT_EQ(error_for(catalog_of({model}), false).location, "cat.json#/models/0/type");

  model = one_model();
  model["colour"] = "blue";
  EXPECT_EQ(error_for(catalog_of({model})).location, "cat.json#/models/0/colour");

  model = one_model();
  model["pricing"]["prompt"] = 0.5;
  EXPECT_EQ(error_for(catalog_of({model})).location, "cat.json#/models/0/pricing/prompt");
  EXPECT_EQ(error_for(catalog_of({model}), false).location, "cat.json#/models/0/pricing/prompt");
}

TEST_F(CatalogLoaderTest, TheTopLevel) {
  EXPECT_EQ(error_for(json::array()).location, "cat.json#");
  EXPECT_EQ(error_for(json::array(), false).location, "cat.json#");
  EXPECT_EQ(error_for(catalog_of(json::array())).location, "cat.json#/models");
  EXPECT_EQ(error_for(catalog_of(json::array()), false).location, "cat.json#/models");
  EXPECT_EQ(error_for(json{{"version", 1}}, false).location, "cat.json#/models");
}

TEST_F(CatalogLoaderTest, IdsMustBeProviderSlashModel) {
  json model = one_model();
  model["id"] = "chat-1";
  EXPECT_EQ(error_for(catalog_of({model})).location, "cat.json#/models/0/id");
  EXPECT_EQ(error_for(catalog_of({model}), false).location, "cat.json#/models/0/id");
}

TEST_F(CatalogLoaderTest, IdsAndAliasesAreUnique) {
  json second = one_model();
  core::Error e = error_for(catalog_of({one_model(), second}));
  EXPECT_EQ(e.location, "cat.json#/models/1/id");
  EXPECT_NE(e.message.find("/models/0/id"), std::string::npos) << e.to_string();
  second["id"] = "acme/chat-2";
  second["aliases"] = {"acme/chat-1"};
  EXPECT_EQ(error_for(catalog_of({one_model(), second})).location, "cat.json#/models/1/aliases/0");
}

TEST_F(CatalogLoaderTest, TypeSpecificFields) {
  json model = one_model();
  model.erase("max_completion_tokens");
  EXPECT_EQ(error_for(catalog_of({model})).location, "cat.json#/models/0/max_completion_tokens");
  EXPECT_EQ(error_for(catalog_of({model}), false).location, "cat.json#/models/0/max_completion_tokens");

  model = one_model();
  model["max_completion_tokens"] = 8192;
  const core::Error e = error_for(catalog_of({model}));
  EXPECT_EQ(e.location, "cat.json#/models/0/max_completion_tokens");

  model = one_model();
  model["type"] = "embedding";
  model.erase("max_completion_tokens");
  model["endpoints"] = {"/v1/embeddings"};
  EXPECT_EQ(error_for(catalog_of({model})).location, "cat.json#/models/0/dimensions");
  EXPECT_EQ(error_for(catalog_of({model}), false).location, "cat.json#/models/0/dimensions");
  model["dimensions"] = 64;
  EXPECT_TRUE(parse_catalog(catalog_of({model}).dump(), "cat.json", schemas_.get()));
}

TEST_F(CatalogLoaderTest, EndpointsMustFitTheType) {
  json model = one_model();
  model["endpoints"] = {"/v1/chat/completions", "/v1/embeddings"};
  const core::Error e = error_for(catalog_of({model}));
  EXPECT_EQ(e.location, "cat.json#/models/0/endpoints/1");
  EXPECT_NE(e.message.find("/v1/embeddings"), std::string::npos);
  model["endpoints"] = {"/v1/models"};
  EXPECT_EQ(error_for(catalog_of({model})).location, "cat.json#/models/0/endpoints/0");
}

TEST_F(CatalogLoaderTest, TextInputIsRequired) {
  json model = one_model();
  model["modalities"]["input"] = {"image"};
  EXPECT_EQ(error_for(catalog_of({model})).location, "cat.json#/models/0/modalities/input");
}

TEST_F(CatalogLoaderTest, FilesAreReadByPath) {
  const std::string good = write_temp_file("good_catalog.json", catalog_of({one_model()}).dump());
  auto catalog = load_catalog_file(good, *schemas_);
  ASSERT_TRUE(catalog) << catalog.error().to_string();
  EXPECT_NE((*catalog)->find("acme/chat-1"), nullptr);

  auto missing = load_catalog_file(::testing::TempDir() + "siraya_no_such_catalog.json", *schemas_);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().id, "mock.catalog");
  EXPECT_NE(missing.error().location.find("siraya_no_such_catalog.json"), std::string::npos);

  json model = one_model();
  model["created"] = -1;
  const std::string bad = write_temp_file("bad_catalog.json", catalog_of({model}).dump());
  auto invalid = load_catalog_file(bad, *schemas_);
  ASSERT_FALSE(invalid);
  EXPECT_EQ(invalid.error().location, bad + "#/models/0/created");
  EXPECT_NE(invalid.error().to_string().find(bad + "#/models/0/created"), std::string::npos);
}

}  // namespace
}  // namespace siraya::mock::testing
