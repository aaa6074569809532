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
// and what the schema cannot say (an invalid regex, a model listed twice).
// The file's JSON, not yet validated (unreadable file, or invalid JSON with line and column).
core::Result<nlohmann::json> read_config_document(const std::string& path);
core::Result<Config> load_config_file(const std::string& path, const core::schema::Registry& schemas);
core::Result<Config> parse_config(const nlohmann::json& document, const std::string& where,
                                  const core::schema::Registry& schemas);

}  // namespace siraya::mock::config
