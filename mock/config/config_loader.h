#pragma once
// Reads and validates a configuration file (schemas/mock/config.json). Every problem is
// reported, each as "<file>#<JSON pointer>: <what> (<fix>)", one per line of the error message;
// the error's location is the first problem's.
#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/schema/registry.h"
#include "mock/config/config.h"

namespace siraya::mock::config {

// Error id mock.config: unreadable file, invalid JSON (with line and column), schema violations,
// and what the schema cannot say (an invalid regex, a key listed twice, a fault directive that
// the x-siraya-mock parser rejects). Model names are checked later, against the catalog the
// server serves (mock/config/model_names.h).
// The file's JSON, not yet validated (unreadable file, or invalid JSON with line and column).
core::Result<nlohmann::json> read_config_document(const std::string& path);
// Relative "rules" and "catalog" paths are resolved against the file's folder.
core::Result<Config> load_config_file(const std::string& path, const core::schema::Registry& schemas);
// `where` names the document in messages (Config::source); relative paths in it are resolved
// against `base_dir` (empty: left as written, relative to the working directory).
core::Result<Config> parse_config(const nlohmann::json& document, const std::string& where,
                                  const core::schema::Registry& schemas, const std::string& base_dir = {});

}  // namespace siraya::mock::config
