#include "core/finding.h"

#include <algorithm>

namespace siraya::core {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

std::string Finding::to_string() const {
  std::string out = "[" + id + "] ";
  if (!location.empty()) out += location + ": ";
  out += what;
  if (!fix.empty()) out += " (" + fix + ")";
  return out;
}

bool has_errors(const Findings& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::error; });
}

}  // namespace siraya::core
