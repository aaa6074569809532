#include "mock/limits/token_bucket.h"

#include <algorithm>
#include <cmath>

namespace siraya::mock::limits {

void TokenBucket::refill(Clock::time_point now) {
  if (now <= last_) return;  // an injected clock may stand still
  const double elapsed_ms = std::chrono::duration<double, std::milli>(now - last_).count();
  level_ = std::min(double(capacity_), level_ + elapsed_ms * per_ms());
  last_ = now;
}

std::int64_t TokenBucket::remaining(Clock::time_point now) {
  refill(now);
  return std::max<std::int64_t>(0, std::int64_t(std::floor(level_ + 1e-9)));
}

bool TokenBucket::has(double tokens, Clock::time_point now) {
  refill(now);
  return level_ + 1e-9 >= tokens;
}

void TokenBucket::take(double tokens, Clock::time_point now) {
  refill(now);
  level_ -= tokens;
}

std::chrono::milliseconds TokenBucket::wait_for(double tokens, Clock::time_point now) {
  refill(now);
  const double missing = tokens - level_;
  if (missing <= 1e-9) return std::chrono::milliseconds(0);
  return std::chrono::milliseconds(std::int64_t(std::ceil(missing / per_ms())));
}

std::chrono::milliseconds TokenBucket::until_full(Clock::time_point now) {
  return wait_for(double(capacity_), now);
}

}  // namespace siraya::mock::limits
