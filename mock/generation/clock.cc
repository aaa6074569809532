#include "mock/generation/clock.h"

#include <chrono>

namespace siraya::mock::generation {

std::int64_t unix_seconds(std::optional<std::int64_t> fixed) {
  if (fixed) return *fixed;
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace siraya::mock::generation
