#pragma once
// Schema registry: JSON Schema draft-07 on valijson. The only place that includes valijson.
// Schemas are identified by their path relative to the schemas folder ("chat/chat_chunk.json");
// `$ref` may point across files with relative paths ("../common/usage.json#/definitions/x").
// The embedded copy (core/embedded.h) is used unless a directory overrides it.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/finding.h"
#include "core/result.h"

namespace siraya::core::schema {

class Registry {
 public:
  // Every *.json under the embedded schemas. Error id: schema.load.
  static Result<std::shared_ptr<const Registry>> embedded();
  // Every *.json under `dir` (recursively); a file that does not parse or is not a valid
  // schema is an Error naming the file and the reason.
  static Result<std::shared_ptr<const Registry>> from_directory(const std::string& dir);

  virtual ~Registry() = default;
  virtual bool has(std::string_view id) const = 0;
  virtual std::vector<std::string> ids() const = 0;

  // Validates `instance` against the schema `id`. Each violation becomes one Finding with id
  // `finding_id` (default "schema.violation"), severity error, location
  // "<where>#<instance pointer>" and a `what` naming the schema path and the constraint.
  // Thread-safe. An unknown id yields one finding "schema.unknown".
  virtual Findings validate(std::string_view id, const nlohmann::json& instance,
                            std::string_view where,
                            std::string_view finding_id = "schema.violation") const = 0;
  // Validates `instance` against an inline schema document (for example a tool's parameter
  // schema taken from a request). Not cached. Error id schema.invalid when `schema` is not a
  // valid draft-07 schema.
  static Result<Findings> validate_inline(const nlohmann::json& schema,
                                          const nlohmann::json& instance, std::string_view where,
                                          std::string_view finding_id = "schema.violation");
};

}  // namespace siraya::core::schema
