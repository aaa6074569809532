#include "core/schema/registry.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/embedded.h"
#include "core/schema/bundle.h"
#include "core/schema/compiled.h"
#include "core/schema/meta_schema.h"
#include "core/schema/schema_folder.h"
#include "core/schema/violations.h"

namespace siraya::core::schema {

namespace {

using detail::Bundler;
using detail::Compiled;
using detail::Documents;

struct Source {
  std::string id;        // path relative to the schemas folder
  std::string location;  // how to name the file in an Error
  std::string text;
};

// Why `text` is not JSON. Schema files are not network input; the throwing parser is used here
// only for its message (line and column), and the exception stays in this function.
std::string json_syntax_error(const std::string& text) {
  try {
    auto parsed = nlohmann::json::parse(text);
    (void)parsed;
  } catch (const nlohmann::json::exception& e) {
    return e.what();
  }
  return "not valid JSON";
}

Finding internal_failure(std::string_view where, std::string_view schema_id, const char* what) {
  Finding f;
  f.id = "schema.internal";
  f.location = std::string(where);
  f.what = "validation against " + std::string(schema_id) + " failed: " + what;
  f.fix = "simplify the schema's regular expressions or report the issue";
  return f;
}

class LoadedRegistry final : public Registry {
 public:
  struct Entry {
    std::unique_ptr<Compiled> plain;         // for the verdict
    std::unique_ptr<Compiled> instrumented;  // for explaining a failure (bundle.h)
  };

  LoadedRegistry(Documents docs, std::map<std::string, Entry, std::less<>> entries)
      : docs_(std::move(docs)), entries_(std::move(entries)) {}

  bool has(std::string_view id) const override { return entries_.find(id) != entries_.end(); }

  std::vector<std::string> ids() const override {
    std::vector<std::string> out;
    out.reserve(entries_.size());
    for (const auto& [id, entry] : entries_) out.push_back(id);
    return out;
  }

  Findings validate(std::string_view id, const nlohmann::json& instance, std::string_view where,
                    std::string_view finding_id) const override {
    auto it = entries_.find(id);
    if (it == entries_.end()) {
      Finding f;
      f.id = "schema.unknown";
      f.location = std::string(where);
      f.what = "no schema \"" + std::string(id) + "\" in the registry";
      f.fix = "use a schema id relative to the schemas folder, e.g. \"chat/chat_chunk.json\"";
      return {std::move(f)};
    }
    try {
      if (it->second.plain->conforms(instance, true)) return {};
      return detail::violations(*it->second.instrumented, instance, docs_, {where, finding_id, id});
    } catch (const std::exception& e) {
      return {internal_failure(where, id, e.what())};
    }
  }

 private:
  Documents docs_;
  std::map<std::string, Entry, std::less<>> entries_;
};

Error load_error(const std::map<std::string, std::string>& locations, const detail::Problem& p) {
  auto it = locations.find(p.file);
  std::string file = it == locations.end() ? p.file : it->second;
  return Error{"schema.load", p.message, file + (p.pointer.empty() ? "" : "#" + p.pointer), p.fix};
}

Unexpected<Error> invalid_schema(const std::string& location, const Error& e) {
  return fail("schema.load", "not a valid draft-07 schema: " + e.message, location,
              "correct the schema keyword named in the message");
}

Result<std::shared_ptr<const Registry>> load(std::vector<Source> sources) {
  Documents docs;
  std::map<std::string, std::string> locations;
  for (auto& s : sources) {
    auto doc = nlohmann::json::parse(s.text, nullptr, false);
    if (doc.is_discarded()) {
      return fail("schema.load", "not valid JSON: " + json_syntax_error(s.text), s.location,
                  "fix the JSON syntax of the schema file");
    }
    locations[s.id] = s.location;
    if (auto problem = detail::check_against_meta_schema(doc, s.id)) {
      return Unexpected<Error>(load_error(locations, *problem));
    }
    docs.emplace(s.id, std::move(doc));
  }
  Bundler bundler(docs);
  if (auto problem = bundler.analyse()) return Unexpected<Error>(load_error(locations, *problem));
  std::map<std::string, LoadedRegistry::Entry, std::less<>> entries;
  for (const auto& [id, doc] : docs) {
    auto plain = Compiled::compile(bundler.bundle(id, false));
    if (!plain) return invalid_schema(locations[id], plain.error());
    auto instrumented = Compiled::compile(bundler.bundle(id, true));
    if (!instrumented) return invalid_schema(locations[id], instrumented.error());
    entries.emplace(id, LoadedRegistry::Entry{std::move(plain).value(), std::move(instrumented).value()});
  }
  return std::shared_ptr<const Registry>(std::make_shared<LoadedRegistry>(std::move(docs), std::move(entries)));
}

}  // namespace

Result<std::shared_ptr<const Registry>> Registry::embedded() {
  std::vector<Source> sources;
  for (const auto& file : core::embedded::schemas()) {
    std::string id(file.path);
    sources.push_back(Source{id, "schemas/" + id + " (embedded)", std::string(file.content)});
  }
  return load(std::move(sources));
}

Result<std::shared_ptr<const Registry>> Registry::from_directory(const std::string& dir) {
  auto files = read_schema_folder(dir);
  if (!files) return Unexpected<Error>(files.error());
  if (files->empty()) {
    return fail("schema.load", "no *.json schema files", dir, "point at the folder that holds the schemas");
  }
  std::vector<Source> sources;
  for (auto& f : *files) sources.push_back(Source{std::move(f.id), std::move(f.path), std::move(f.text)});
  return load(std::move(sources));
}

Result<Findings> Registry::validate_inline(const nlohmann::json& schema, const nlohmann::json& instance,
                                           std::string_view where, std::string_view finding_id) {
  constexpr std::string_view kInline = "inline schema";
  if (auto p = detail::check_against_meta_schema(schema, "")) {
    return fail("schema.invalid", p->message, std::string(kInline) + "#" + p->pointer, p->fix);
  }
  Documents docs{{"", schema}};
  Bundler bundler(docs);
  if (auto p = bundler.analyse()) {
    return fail("schema.invalid", p->message, std::string(kInline) + "#" + p->pointer, p->fix);
  }
  auto plain = Compiled::compile(bundler.bundle("", false));
  if (!plain) {
    return fail("schema.invalid", "not a valid draft-07 schema: " + plain.error().message,
                std::string(kInline), "correct the schema keyword named in the message");
  }
  try {
    if ((*plain)->conforms(instance, false)) return Findings{};
    auto instrumented = Compiled::compile(bundler.bundle("", true));
    if (!instrumented) {
      return fail("schema.invalid", "not a valid draft-07 schema: " + instrumented.error().message,
                  std::string(kInline), "correct the schema keyword named in the message");
    }
    return detail::violations(**instrumented, instance, docs, {where, finding_id, kInline});
  } catch (const std::exception& e) {
    return Findings{internal_failure(where, kInline, e.what())};
  }
}

}  // namespace siraya::core::schema
