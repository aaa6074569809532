#include "mock/config/config_loader.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "mock/config/problems.h"
#include "mock/faults/header_parser.h"
#include "mock/json_syntax.h"

namespace siraya::mock::config {
namespace {

using nlohmann::json;

constexpr std::string_view kSchemaId = "mock/config.json";

std::vector<std::string> names(const json& document, const char* group, const char* key) {
  std::vector<std::string> out;
  const auto g = document.find(group);
  if (g == document.end()) return out;
  const auto list = g->find(key);
  if (list == g->end()) return out;
  for (const auto& v : *list) out.push_back(v.get<std::string>());
  return out;
}

// The member `key` of `object`, or an empty array/object (a reference that outlives the call).
const json& member(const json& object, const char* key, bool array) {
  static const json kEmptyArray = json::array();
  static const json kEmptyObject = json::object();
  const auto it = object.find(key);
  if (it != object.end()) return *it;
  return array ? kEmptyArray : kEmptyObject;
}

RateLimit rate_limit_of(const json& object) {
  RateLimit limit;
  limit.requests_per_minute = object.value("requests_per_minute", std::int64_t{0});
  limit.tokens_per_minute = object.value("tokens_per_minute", std::int64_t{0});
  return limit;
}

// What the schema cannot check. Runs only on a document that satisfies the schema.
void check_semantics(const json& document, std::vector<Problem>& problems) {
  std::set<std::string> seen;
  const json& keys = member(document, "keys", true);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto key = keys[i]["key"].get<std::string>();
    if (!seen.insert(key).second) {
      problems.push_back({"/keys/" + std::to_string(i) + "/key", "the key \"" + key + "\" is listed twice",
                          "list each key once, with its credits"});
    }
  }
  const json& patterns = member(member(document, "moderation", false), "patterns", true);
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    try {
      std::regex(patterns[i].get<std::string>(), std::regex::ECMAScript | std::regex::icase);
    } catch (const std::regex_error& e) {
      problems.push_back({"/moderation/patterns/" + std::to_string(i),
                          "invalid regular expression: " + std::string(e.what()),
                          "write an ECMAScript regex, escaping \\ as \\\\ in JSON"});
    }
  }
}

// `path` as written in the file, or resolved against the file's folder when relative.
std::string resolve(const std::string& path, const std::string& base_dir) {
  if (base_dir.empty() || std::filesystem::path(path).is_absolute()) return path;
  return (std::filesystem::path(base_dir) / path).lexically_normal().string();
}

// "faults": each directive goes through the x-siraya-mock parser (docs/faults.md), so the file
// and the header share one vocabulary and one set of messages.
std::vector<ConfiguredFault> faults_of(const json& document, std::vector<Problem>& problems) {
  std::vector<ConfiguredFault> out;
  const json& list = member(document, "faults", true);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& entry = list[i];
    ConfiguredFault fault;
    const json& match = member(entry, "match", false);
    if (auto it = match.find("endpoint"); it != match.end()) {
      if (it->is_string()) fault.endpoints.push_back(it->get<std::string>());
      else fault.endpoints = it->get<std::vector<std::string>>();
    }
    fault.model = match.value("model", std::string());
    fault.probability = entry.value("probability", 1.0);
    fault.directive = entry["directive"].get<std::string>();
    auto directives = faults::parse_control_header(fault.directive);
    if (!directives) {
      problems.push_back({"/faults/" + std::to_string(i) + "/directive",
                          "invalid directive \"" + fault.directive + "\": " + directives.error().message,
                          "write directives as in the x-siraya-mock header (docs/faults.md): " +
                              std::string(faults::valid_directives())});
      continue;
    }
    fault.directives = *directives;
    out.push_back(std::move(fault));
  }
  return out;
}

Config build(const json& document, const std::string& base_dir) {
  Config config;
  for (const auto& k : member(document, "keys", true)) {
    KeyEntry entry{k["key"].get<std::string>(), std::nullopt};
    if (k.contains("credits")) entry.credits = k["credits"].get<double>();
    config.keys.push_back(std::move(entry));
  }
  if (auto it = document.find("rate_limits"); it != document.end()) {
    config.rate_limit = rate_limit_of(*it);
    for (const auto& [model, limit] : member(*it, "models", false).items()) {
      config.model_limits[model] = rate_limit_of(limit);
    }
  }
  if (auto it = document.find("moderation"); it != document.end()) {
    config.moderation.terms = it->value("terms", std::vector<std::string>{});
    config.moderation.patterns = it->value("patterns", std::vector<std::string>{});
    config.moderation.models = it->value("models", std::vector<std::string>{});
  }
  for (const auto& [model, latency] : member(document, "latency", false).items()) {
    config.latency[model] = Latency{std::chrono::milliseconds(latency["ms"].get<std::int64_t>()),
                                    std::chrono::milliseconds(latency.value("jitter_ms", std::int64_t{0}))};
  }
  if (document.contains("deadline_ms")) config.deadline = std::chrono::milliseconds(document["deadline_ms"].get<std::int64_t>());
  config.down_models = names(document, "upstreams", "down_models");
  config.down_providers = names(document, "upstreams", "down_providers");
  config.invalid_models = names(document, "upstreams", "invalid_models");
  config.collecting_providers = names(document, "upstreams", "collecting_providers");
  for (const auto& path : document.value("rules", std::vector<std::string>{})) {
    config.rules_files.push_back(resolve(path, base_dir));
  }
  if (document.contains("catalog")) config.catalog_file = resolve(document["catalog"].get<std::string>(), base_dir);
  return config;
}

}  // namespace

core::Result<Config> parse_config(const json& document, const std::string& where, const core::schema::Registry& schemas,
                                  const std::string& base_dir) {
  std::vector<Problem> problems;
  for (const auto& finding : schemas.validate(kSchemaId, document, "")) {
    const auto hash = finding.location.find('#');
    problems.push_back({hash == std::string::npos ? std::string() : finding.location.substr(hash + 1), finding.what,
                        "see schemas/mock/config.json and docs/mock-config.md"});
  }
  if (!problems.empty()) return report(where, problems);
  check_semantics(document, problems);
  std::vector<ConfiguredFault> configured_faults = faults_of(document, problems);
  if (!problems.empty()) return report(where, problems);
  Config config = build(document, base_dir);
  config.source = where;
  config.faults = std::move(configured_faults);
  return config;
}

core::Result<json> read_config_document(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::fail("mock.config", "cannot read the configuration file", path, "check the path given to --config");
  std::stringstream text;
  text << in.rdbuf();
  const std::string content = text.str();
  json document = json::parse(content, nullptr, false);
  if (document.is_discarded()) {
    const std::string what = "not valid JSON: " + json_syntax_error(content);
    return core::fail("mock.config", what, path, "fix the JSON syntax (a JSON linter shows the spot)");
  }
  return document;
}

core::Result<Config> load_config_file(const std::string& path, const core::schema::Registry& schemas) {
  auto document = read_config_document(path);
  if (!document) return core::Unexpected<core::Error>(document.error());
  return parse_config(*document, path, schemas, std::filesystem::path(path).parent_path().string());
}

}  // namespace siraya::mock::config
