#pragma once
// One bundled schema document compiled by valijson (draft-07). Private to core/schema/.
// Compilation happens once; validation afterwards only reads the compiled form.
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/schema/explain.h"

namespace valijson {
class Schema;
}

namespace siraya::core::schema::detail {

class Compiled {
 public:
  // Error (id "schema.invalid", message from valijson) when `document` is not a schema valijson
  // accepts. Never throws.
  static Result<std::unique_ptr<Compiled>> compile(const nlohmann::json& document);
  ~Compiled();
  Compiled(const Compiled&) = delete;
  Compiled& operator=(const Compiled&) = delete;

  // Whether `instance` conforms; stops at the first violation. With `shared_regex_cache`, the
  // calling thread's cache of compiled `pattern` regexes is used (for the registry's own
  // schemas, whose patterns are few); otherwise a fresh one. May throw std::exception
  // (std::regex on pathological input): callers catch.
  bool conforms(const nlohmann::json& instance, bool shared_regex_cache) const;
  // Every violation as valijson reports it, in order. May throw std::exception.
  std::vector<RawError> violations(const nlohmann::json& instance) const;

 private:
  Compiled();
  std::unique_ptr<valijson::Schema> schema_;
};

}  // namespace siraya::core::schema::detail
