#pragma once
// A token bucket holding `capacity` tokens that refills at capacity per minute, continuously
// (reference README §3, 429 "rate limit": requests and tokens per minute). Not thread-safe: the
// owner (Limits) locks. The level may go below zero when a response uses more tokens than were
// left; the next request then waits until it is positive again.
#include <chrono>
#include <cstdint>

namespace siraya::mock::limits {

using Clock = std::chrono::steady_clock;

class TokenBucket {
 public:
  TokenBucket(std::int64_t capacity, Clock::time_point now) : capacity_(capacity), level_(double(capacity)), last_(now) {}

  std::int64_t capacity() const { return capacity_; }
  // Whole tokens left now (never negative).
  std::int64_t remaining(Clock::time_point now);
  bool has(double tokens, Clock::time_point now);
  void take(double tokens, Clock::time_point now);
  // Time until `tokens` are available (zero when they are); ceil to the millisecond.
  std::chrono::milliseconds wait_for(double tokens, Clock::time_point now);
  // Time until the bucket is full again.
  std::chrono::milliseconds until_full(Clock::time_point now);

 private:
  void refill(Clock::time_point now);
  double per_ms() const { return double(capacity_) / 60'000.0; }

  std::int64_t capacity_;
  double level_;
  Clock::time_point last_;
};

}  // namespace siraya::mock::limits
