#pragma once
// JSON Pointers (RFC 6901) with one extension for assertions: a segment that is exactly "*"
// matches every element of an array and every member of an object. "~0" and "~1" escape "~" and
// "/" as in RFC 6901; a member literally named "*" cannot be addressed.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace siraya::harness {

class JsonPath {
 public:
  // Error "suite.pointer" when `text` is not a JSON Pointer: not empty and not starting with "/",
  // or a "~" not followed by 0 or 1. The message says what is wrong; the caller adds the location.
  static core::Result<JsonPath> parse(std::string_view text);

  bool has_wildcard() const;
  const std::string& text() const { return text_; }

  struct Match {
    std::string pointer;  // the concrete pointer, wildcards replaced by indices / member names
    const nlohmann::json* value;
  };
  // Every value the path reaches, in document order (object members in key order). A segment that
  // names no member, an array index that is out of range or not a canonical number, or a step
  // through a scalar reaches nothing; "*" over an empty array or object reaches nothing.
  std::vector<Match> find(const nlohmann::json& root) const;
  // find() for a path without wildcards: the value, or nullptr.
  const nlohmann::json* find_one(const nlohmann::json& root) const;

 private:
  std::string text_;
  std::vector<std::optional<std::string>> segments_;  // unescaped; nullopt is "*"
};

// Escapes a member name for use as one pointer segment ("a/b" -> "a~1b").
std::string escape_pointer_segment(std::string_view name);

}  // namespace siraya::harness
