#pragma once
// Private to core/http: enforces the first_byte, idle and total limits of one request.
// httplib only knows per-read timeouts, which cannot express "headers within X" or "whole body
// within Y"; the watchdog tracks the phase and the last activity from its own thread and, once a
// limit passes, calls `stop` (httplib's Client::stop, which shuts the socket down so the blocked
// read returns) until finish() is called. All durations count from the watchdog's construction,
// i.e. from the start of the request including connect and TLS.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "core/http/client.h"

namespace siraya::core::http {

enum class Limit { first_byte, idle, total };

class Watchdog {
 public:
  using Clock = std::chrono::steady_clock;

  struct Progress {
    bool headers = false;  // response headers were parsed
    std::chrono::nanoseconds first_byte{0};
    std::uint64_t body_bytes = 0;
    std::size_t body_reads = 0;
  };

  // Starts the watching thread; throws std::system_error when no thread can be started.
  Watchdog(const Timeouts& limits, std::function<void()> stop);
  ~Watchdog();
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

  Clock::time_point start() const { return start_; }
  std::chrono::nanoseconds elapsed() const { return Clock::now() - start_; }

  void headers_received();
  // Records one body read; false once a limit has fired (the reader should give up).
  bool body_read(std::size_t bytes);
  // Stops watching and joins the thread; the limit that fired, if any. Idempotent.
  std::optional<Limit> finish();
  Progress progress() const;

 private:
  void run();
  std::pair<Limit, Clock::time_point> next_deadline() const;  // with mu_ held

  const Timeouts limits_;
  const std::function<void()> stop_;
  const Clock::time_point start_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  std::optional<Limit> fired_;
  Clock::time_point last_activity_;
  Progress progress_;
  std::thread thread_;  // last: starts after every other member is initialised
};

}  // namespace siraya::core::http
