#include "mock/config/config_loader.h"

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace siraya::mock::config {
namespace {

using nlohmann::json;

constexpr std::string_view kSchemaId = "mock/config.json";

struct Problem {
  std::string pointer;
  std::string what;
  std::string fix;
};

core::Unexpected<core::Error> report(const std::string& where, const std::vector<Problem>& problems) {
  if (problems.size() == 1) {
    return core::fail("mock.config", problems.front().what, where + "#" + problems.front().pointer, problems.front().fix);
  }
  std::string message = std::to_string(problems.size()) + " problems in the configuration file:";
  for (const auto& p : problems) message += "\n  " + where + "#" + p.pointer + ": " + p.what + " (" + p.fix + ")";
  return core::fail("mock.config", std::move(message), where + "#" + problems.front().pointer,
                    "fix each problem listed");
}

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

Config build(const json& document) {
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
  config.rules_files = document.value("rules", std::vector<std::string>{});
  return config;
}

}  // namespace

core::Result<Config> parse_config(const json& document, const std::string& where, const core::schema::Registry& schemas) {
  std::vector<Problem> problems;
  for (const auto& finding : schemas.validate(kSchemaId, document, "")) {
    const auto hash = finding.location.find('#');
    problems.push_back({hash == std::string::npos ? std::string() : finding.location.substr(hash + 1), finding.what,
                        "see schemas/mock/config.json and docs/mock-config.md"});
  }
  if (!problems.empty()) return report(where, problems);
  check_semantics(document, problems);
  if (!problems.empty()) return report(where, problems);
  return build(document);
}

core::Result<json> read_config_document(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::fail("mock.config", "cannot read the configuration file", path, "check the path given to --config");
  std::stringstream text;
  text << in.rdbuf();
  const std::string content = text.str();
  json document = json::parse(content, nullptr, false);
  if (document.is_discarded()) {
    // Parse again only to learn where the text goes wrong; the exception stays in this function.
    std::string what = "not valid JSON";
    try {
      const json unused = json::parse(content);
      (void)unused;
    } catch (const json::parse_error& e) {
      const std::size_t at = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, content.size());
      std::size_t line = 1, column = 1;
      for (std::size_t i = 0; i < at; ++i) {
        if (content[i] == '\n') {
          ++line;
          column = 1;
        } else {
          ++column;
        }
      }
      what = "not valid JSON at line " + std::to_string(line) + ", column " + std::to_string(column);
    }
    return core::fail("mock.config", what, path, "fix the JSON syntax (a JSON linter shows the spot)");
  }
  return document;
}

core::Result<Config> load_config_file(const std::string& path, const core::schema::Registry& schemas) {
  auto document = read_config_document(path);
  if (!document) return core::Unexpected<core::Error>(document.error());
  return parse_config(*document, path, schemas);
}

}  // namespace siraya::mock::config
