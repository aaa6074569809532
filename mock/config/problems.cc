#include "mock/config/problems.h"

namespace siraya::mock::config {

core::Unexpected<core::Error> report(const std::string& where, const std::vector<Problem>& problems) {
  if (problems.size() == 1) {
    return core::fail("mock.config", problems.front().what, where + "#" + problems.front().pointer, problems.front().fix);
  }
  std::string message = std::to_string(problems.size()) + " problems in the configuration file:";
  for (const auto& p : problems) message += "\n  " + where + "#" + p.pointer + ": " + p.what + " (" + p.fix + ")";
  return core::fail("mock.config", std::move(message), where + "#" + problems.front().pointer,
                    "fix each problem listed");
}

std::string pointer_token(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

}  // namespace siraya::mock::config
