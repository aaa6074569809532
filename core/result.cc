#include "core/result.h"

namespace siraya::core {

std::string Error::to_string() const {
  std::string out = "[" + id + "] ";
  if (!location.empty()) out += location + ": ";
  out += message;
  if (!fix.empty()) out += " (" + fix + ")";
  return out;
}

}  // namespace siraya::core
