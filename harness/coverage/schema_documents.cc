#include "harness/coverage/schema_documents.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/embedded.h"
#include "core/schema/schema_folder.h"

namespace siraya::harness {

namespace {

using json = nlohmann::ordered_json;

void add_unique(std::vector<std::string>& out, const std::string& name) {
  if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
}

void collect_properties(const json& schema, std::vector<std::string>& out) {
  if (!schema.is_object()) return;
  if (auto p = schema.find("properties"); p != schema.end() && p->is_object()) {
    for (const auto& [name, _] : p->items()) add_unique(out, name);
  }
  for (const char* key : {"allOf", "anyOf", "oneOf"}) {
    if (auto branches = schema.find(key); branches != schema.end() && branches->is_array()) {
      for (const auto& branch : *branches) collect_properties(branch, out);
    }
  }
}

void collect_types(const json& schema, std::vector<std::string>& out) {
  if (!schema.is_object()) return;
  if (auto p = schema.find("properties"); p != schema.end() && p->is_object()) {
    if (auto type = p->find("type"); type != p->end() && type->is_object()) {
      if (auto c = type->find("const"); c != type->end() && c->is_string()) add_unique(out, c->get<std::string>());
      if (auto e = type->find("enum"); e != type->end() && e->is_array()) {
        for (const auto& v : *e) {
          if (v.is_string()) add_unique(out, v.get<std::string>());
        }
      }
    }
  }
  for (const char* key : {"if", "then", "else"}) {
    if (auto branch = schema.find(key); branch != schema.end()) collect_types(*branch, out);
  }
  for (const char* key : {"allOf", "anyOf", "oneOf"}) {
    if (auto branches = schema.find(key); branches != schema.end() && branches->is_array()) {
      for (const auto& branch : *branches) collect_types(branch, out);
    }
  }
}

}  // namespace

SchemaDocuments SchemaDocuments::embedded() {
  std::map<std::string, std::string, std::less<>> texts;
  for (const auto& f : core::embedded::schemas()) texts.emplace(std::string(f.path), std::string(f.content));
  return SchemaDocuments(std::move(texts));
}

core::Result<SchemaDocuments> SchemaDocuments::from_directory(const std::string& dir) {
  auto files = core::schema::read_schema_folder(dir);
  if (!files) return core::Unexpected<core::Error>(files.error());
  std::map<std::string, std::string, std::less<>> texts;
  for (auto& f : *files) texts.emplace(std::move(f.id), std::move(f.text));
  return SchemaDocuments(std::move(texts));
}

core::Result<nlohmann::ordered_json> SchemaDocuments::document(std::string_view id) const {
  auto it = texts_.find(id);
  if (it == texts_.end()) {
    return core::fail("coverage.schema", "no schema " + std::string(id), std::string(id),
                      "the endpoint table (core/endpoints.cc) names it: add the file, or fix --schemas");
  }
  auto parsed = json::parse(it->second, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return core::fail("coverage.schema", "not JSON", std::string(id), "fix the schema file");
  }
  return parsed;
}

std::vector<std::string> top_level_properties(const json& schema) {
  std::vector<std::string> out;
  collect_properties(schema, out);
  return out;
}

std::vector<std::string> enumerated_event_types(const json& schema) {
  std::vector<std::string> out;
  collect_types(schema, out);
  return out;
}

}  // namespace siraya::harness
