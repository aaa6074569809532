#include <regex>

#include "harness/checks/checks.h"

namespace siraya::harness {

core::Findings check_headers(const Expectation& expect, const core::http::Response& response) {
  core::Findings out;
  for (const auto& [name, pattern] : expect.headers) {
    const auto value = response.header(name);
    if (!pattern) {
      if (value) {
        out.push_back({"header.mismatch", core::Severity::error, "header " + name,
                       "present (\"" + *value + "\") but must be absent", "do not send " + name});
      }
      continue;
    }
    if (!value) {
      out.push_back({"header.mismatch", core::Severity::error, "header " + name, "missing",
                     "send " + name + " matching /" + *pattern + "/"});
      continue;
    }
    // Patterns were compiled once by the loader, so this cannot throw.
    if (!std::regex_search(*value, std::regex(*pattern, std::regex::ECMAScript))) {
      out.push_back({"header.mismatch", core::Severity::error, "header " + name,
                     "\"" + *value + "\" does not match /" + *pattern + "/", "send a value matching the pattern"});
    }
  }
  return out;
}

}  // namespace siraya::harness
