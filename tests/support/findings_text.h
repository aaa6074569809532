#pragma once
// Test messages: the error findings of a check, one per line.
#include <string>

#include "core/finding.h"

namespace siraya::testing {

inline std::string errors_of(const core::Findings& findings) {
  std::string out;
  for (const auto& f : findings) {
    if (f.severity == core::Severity::error) out += "\n  " + f.to_string();
  }
  return out;
}

}  // namespace siraya::testing
