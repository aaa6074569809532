#pragma once
// How the configuration's problems are reported (docs/mock-config.md): every problem at once, each
// as "<source>#<JSON pointer>: <what> (<fix>)", in one mock.config error whose location is the
// first problem's.
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace siraya::mock::config {

struct Problem {
  std::string pointer;  // RFC 6901, "" for the whole document
  std::string what;
  std::string fix;
};

// Error id mock.config; `problems` is not empty.
core::Unexpected<core::Error> report(const std::string& where, const std::vector<Problem>& problems);

// One reference token escaped per RFC 6901 §3 ("~" -> "~0", "/" -> "~1"): a model id as a key.
std::string pointer_token(std::string_view token);

}  // namespace siraya::mock::config
