#include "mock/catalog.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstdlib>

#include "mock/catalog/catalog_loader.h"

namespace siraya::mock {
namespace {

bool contains(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

std::string_view to_string(ModelType type) {
  switch (type) {
    case ModelType::chat: return "chat";
    case ModelType::embedding: return "embedding";
    case ModelType::rerank: return "rerank";
  }
  return "chat";
}

bool Model::serves(std::string_view endpoint_path) const { return contains(endpoints, endpoint_path); }
bool Model::supports(std::string_view parameter) const { return contains(supported_parameters, parameter); }
bool Model::accepts(std::string_view modality) const { return contains(input_modalities, modality); }

std::shared_ptr<const Catalog> Catalog::builtin() {
  static const std::shared_ptr<const Catalog> catalog = [] {
    auto parsed = parse_catalog(default_catalog_text(), "mock/catalog/default_catalog.json (built in)", nullptr);
    // The default catalog is part of the build and tested against schemas/mock/catalog.json; a
    // failure here is a bug in that file.
    if (!parsed) {
      std::fprintf(stderr, "siraya-mock: %s\n", parsed.error().to_string().c_str());
      assert(false && "the built-in model catalog is invalid");
      std::abort();
    }
    return *parsed;
  }();
  return catalog;
}

const Model* Catalog::find(std::string_view id_or_alias) const {
  for (const auto& m : models_) {
    if (m.id == id_or_alias) return &m;
  }
  for (const auto& m : models_) {
    if (contains(m.aliases, id_or_alias)) return &m;
  }
  return nullptr;
}

std::vector<std::string_view> Catalog::ids_serving(std::string_view endpoint_path, std::size_t limit) const {
  std::vector<std::string_view> ids;
  for (const auto& m : models_) {
    if (ids.size() < limit && m.serves(endpoint_path)) ids.push_back(m.id);
  }
  return ids;
}

std::vector<std::string_view> Catalog::ids_of(ModelType type, std::size_t limit) const {
  std::vector<std::string_view> ids;
  for (const auto& m : models_) {
    if (ids.size() < limit && m.type == type) ids.push_back(m.id);
  }
  return ids;
}

}  // namespace siraya::mock
