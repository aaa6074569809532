#pragma once
// One bundled schema document compiled by valijson (draft-07). Private to core/schema/.
// Compilation happens once; validation afterwards only reads the compiled form.
#include <memory>
#include <regex>
#include <string>
#include <utility>
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
  // schemas, whose patterns are few); otherwise a fresh one. May throw std::exception: callers
  // catch.
  bool conforms(const nlohmann::json& instance, bool shared_regex_cache) const;
  // Every violation as valijson reports it, in order. May throw std::exception.
  std::vector<RawError> violations(const nlohmann::json& instance) const;

 private:
  Compiled();
  // The document's `pattern` regexes, compiled for libstdc++'s breadth-first (Thompson NFA)
  // executor. valijson would compile them with default flags, and the default depth-first
  // executor recurses once per input character: a 300 KB base64 image against
  // "^[A-Za-z0-9+/=\\s]*$" overflows the stack. Seeded into valijson's regex cache before each
  // validation, so valijson finds and uses these instead. Patterns with back-references (which
  // the breadth-first executor refuses) are left to valijson.
  std::vector<std::pair<std::string, std::regex>> linear_patterns_;
  std::unique_ptr<valijson::Schema> schema_;
};

}  // namespace siraya::core::schema::detail
