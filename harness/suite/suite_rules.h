#pragma once
// The rules a suite must follow that its JSON Schema cannot express, checked before anything is
// sent (by `run`, `list` and `validate` alike). Each problem is an Error with the id of its rule,
// "file#/json/pointer", what is wrong and how to fix it. Both functions tolerate documents the
// schema rejects, so one pass reports every problem.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace siraya::core::schema {
class Registry;
}

namespace siraya::harness {

// Problems the schema reports only vaguely ("not allowed", "matches the schema under not"),
// found before schema validation with precise messages: suite.operator (an assertion key that is
// no operator, with the nearest known one) and suite.shape (a case with both steps and
// request/expect; a capture with no source or several). Schema violations at `covers` (and below
// it when `below`) say the same thing less precisely and are dropped.
struct LintProblem {
  core::Error error;
  std::string covers;  // "file#/cases/0/expect/assert/2"
  bool below = true;
};
std::vector<LintProblem> lint_shapes(const nlohmann::json& doc, const std::string& file);

// suite.duplicate_id, suite.variable (unknown or malformed ${...}, ${...} inside a variable's
// value), suite.capture (a captured name used before the step that captures it, shadowing a
// variable, an event capture in a step that does not stream), suite.pointer, suite.regex,
// suite.trials (min_passes above runs), suite.capability (unknown name), suite.schema_id (no
// such schema).
std::vector<core::Error> check_rules(const nlohmann::json& doc, const std::string& file,
                                     const core::schema::Registry& schemas);

// Every assertion operator: eq ne lt le gt ge matches type exists absent length contains each any.
std::span<const std::string_view> assertion_operators();

// The candidate closest to `name` within a small edit distance (a likely misspelling), or "".
std::string nearest_name(std::string_view name, const std::vector<std::string>& candidates);

// The names every suite may use without defining them: api_key (--api-key / $SIRAYA_API_KEY).
bool is_builtin_variable(const std::string& name);

}  // namespace siraya::harness
