#pragma once
// A Finding describes the system under test: one observation of one check, as a value.
// Findings are never thrown and never mixed with operational errors (core/result.h).
#include <string>
#include <string_view>
#include <vector>

namespace siraya::core {

enum class Severity { error, warning, info };

std::string_view to_string(Severity s);

struct Finding {
  std::string id;        // stable check id, e.g. "sse.chat.done_missing"; listed in the README
  Severity severity = Severity::error;
  std::string location;  // where in the response: "event 3", "body#/choices/0", "header content-type"
  std::string what;      // what was observed, with the offending value where short
  std::string fix;       // how a server fixes it, citing the spec where useful

  std::string to_string() const;  // "[id] location: what (fix)"
};

using Findings = std::vector<Finding>;

bool has_errors(const Findings& findings);

}  // namespace siraya::core
