#include "mock/config/command_line.h"

#include <filesystem>

#include "mock/config/config_loader.h"

namespace siraya::mock::config {
namespace {

using nlohmann::json;

void append(json& document, const char* group, const char* key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  json& list = document[group][key];
  if (!list.is_array()) list = json::array();
  for (const auto& v : values) list.push_back(v);
}

}  // namespace

bool CommandLine::empty() const {
  return file.empty() && credits.empty() && requests_per_minute == 0 && tokens_per_minute == 0 && deadline_ms < 0 &&
         latency_ms < 0 && moderate_terms.empty() && moderate_patterns.empty() && down_models.empty() &&
         down_providers.empty() && invalid_models.empty();
}

void add_options(CLI::App& app, CommandLine& line) {
  app.add_option("--config", line.file,
                 "Configuration file (schemas/mock/config.json, docs/mock-config.md); the options below override it");
  app.add_option("--credits", line.credits,
                 "KEY=USD: accept KEY with this credit balance; requests cost usage x catalog price, 402 when spent "
                 "(repeatable)");
  app.add_option("--requests-per-minute", line.requests_per_minute, "Requests per minute per key; 429 beyond")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{100000000000}));
  app.add_option("--tokens-per-minute", line.tokens_per_minute, "Tokens per minute per key; 429 beyond")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{100000000000}));
  app.add_option("--deadline-ms", line.deadline_ms,
                 "Default request deadline; simulated latency beyond it is a 408 (header x-siraya-deadline-ms overrides)")
      ->check(CLI::Range(0, 600000));
  app.add_option("--latency-ms", line.latency_ms, "Simulated upstream latency of every model without its own profile")
      ->check(CLI::Range(0, 600000));
  app.add_option("--latency-jitter-ms", line.latency_jitter_ms, "Up to this much more latency, seeded per request")
      ->check(CLI::Range(0, 600000));
  app.add_option("--moderate-term", line.moderate_terms, "Input containing this term (any case) gets 403 (repeatable)");
  app.add_option("--moderate-pattern", line.moderate_patterns, "Input matching this regex gets 403 (repeatable)");
  app.add_option("--moderate-model", line.moderate_models,
                 "Model id whose input is moderated (repeatable; none: every model)");
  app.add_option("--down-model", line.down_models, "Model id whose upstream is down: 502 (repeatable)");
  app.add_option("--down-provider", line.down_providers, "Provider slug that is down: 502 when no other serves (repeatable)");
  app.add_option("--invalid-model", line.invalid_models, "Model id whose upstream answers invalid responses: 502 (repeatable)");
}

core::Result<Config> load(const CommandLine& line, const core::schema::Registry& schemas) {
  json document = {{"version", 1}};
  std::string where = "command line";
  std::string base_dir;  // relative paths in the file are relative to its folder
  if (!line.file.empty()) {
    auto read = read_config_document(line.file);
    if (!read) return core::Unexpected<core::Error>(read.error());
    document = std::move(*read);
    where = line.file;
    base_dir = std::filesystem::path(line.file).parent_path().string();
  }
  if (!document.is_object()) return parse_config(document, where, schemas, base_dir);
  for (const auto& entry : line.credits) {
    const auto eq = entry.rfind('=');
    char* end = nullptr;
    const double usd = eq == std::string::npos ? -1 : std::strtod(entry.c_str() + eq + 1, &end);
    if (eq == std::string::npos || eq == 0 || end == entry.c_str() + eq + 1 || *end != '\0' || usd < 0) {
      return core::fail("mock.config", "--credits \"" + entry + "\" is not KEY=USD", "command line",
                        "write the key, '=', and a non-negative number of dollars, e.g. --credits sk-a=0.5");
    }
    document["keys"].push_back({{"key", entry.substr(0, eq)}, {"credits", usd}});
  }
  if (line.requests_per_minute > 0) document["rate_limits"]["requests_per_minute"] = line.requests_per_minute;
  if (line.tokens_per_minute > 0) document["rate_limits"]["tokens_per_minute"] = line.tokens_per_minute;
  if (line.deadline_ms >= 0) document["deadline_ms"] = line.deadline_ms;
  if (line.latency_ms >= 0) document["latency"]["*"] = {{"ms", line.latency_ms}, {"jitter_ms", line.latency_jitter_ms}};
  append(document, "moderation", "terms", line.moderate_terms);
  append(document, "moderation", "patterns", line.moderate_patterns);
  append(document, "moderation", "models", line.moderate_models);
  append(document, "upstreams", "down_models", line.down_models);
  append(document, "upstreams", "down_providers", line.down_providers);
  append(document, "upstreams", "invalid_models", line.invalid_models);
  return parse_config(document, where, schemas, base_dir);
}

}  // namespace siraya::mock::config
