#pragma once
// The mock's configuration file (siraya-mock --config FILE; schemas/mock/config.json,
// docs/mock-config.md): the data behind the real causes of 402, 403, 408, 429 and 502
// (reference README §3-§4). Immutable once loaded; per-server state lives in mock/limits/.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mock/faults/directives.h"

namespace siraya::mock::config {

struct KeyEntry {
  std::string key;
  std::optional<double> credits;  // USD; nullopt: unlimited
};

// 0: no limit. Buckets hold a minute's worth and refill continuously.
struct RateLimit {
  std::int64_t requests_per_minute = 0;
  std::int64_t tokens_per_minute = 0;
  bool any() const { return requests_per_minute > 0 || tokens_per_minute > 0; }
};

struct Moderation {
  std::vector<std::string> terms;     // case-insensitive substrings
  std::vector<std::string> patterns;  // ECMAScript regexes, case-insensitive
  std::vector<std::string> models;    // moderated model ids; "*" or none: all
  bool any() const { return !terms.empty() || !patterns.empty(); }
};

struct Latency {
  std::chrono::milliseconds base{0};
  std::chrono::milliseconds jitter{0};  // up to this much more, seeded per request
};

// One entry of "faults" (docs/mock-config.md): directives of the x-siraya-mock vocabulary
// (docs/faults.md) applied to a share of the matching requests, drawn per request from the seed
// (mock/faults/configured_faults.h).
struct ConfiguredFault {
  std::vector<std::string> endpoints;  // paths ("/v1/chat/completions"); empty: every API path
  std::string model;                   // catalog id or alias; empty: any model
  double probability = 1.0;            // 0 to 1
  std::string directive;               // the text, as written ("fault=truncate;after=3")
  faults::Directives directives;       // parsed and combination-checked
};

struct Config {
  // Where the configuration came from ("mock.json", "command line"), for messages that point
  // into it once the catalog is known (mock/config/model_names.h).
  std::string source;
  std::vector<KeyEntry> keys;
  RateLimit rate_limit;                           // per key
  std::map<std::string, RateLimit> model_limits;  // per (key, model id)
  Moderation moderation;
  std::map<std::string, Latency> latency;  // by model id; "*": the rest
  std::optional<std::chrono::milliseconds> deadline;
  std::vector<std::string> down_models;
  std::vector<std::string> down_providers;
  std::vector<std::string> invalid_models;
  std::vector<std::string> collecting_providers;
  // Paths given relative in the file are resolved against the file's folder.
  std::vector<std::string> rules_files;  // handed to the rules loader
  std::string catalog_file;              // empty: none (--catalog wins over it)
  std::vector<ConfiguredFault> faults;   // in file order
};

}  // namespace siraya::mock::config
