#include "core/http/watchdog.h"

#include <utility>

namespace siraya::core::http {
namespace {

// stop() acts only on a request that holds a socket; one issued before the request reached that
// point is lost, so the watchdog repeats it until the request returns.
constexpr std::chrono::milliseconds kStopRetry{10};

}  // namespace

Watchdog::Watchdog(const Timeouts& limits, std::function<void()> stop)
    : limits_(limits),
      stop_(std::move(stop)),
      start_(Clock::now()),
      last_activity_(start_),
      thread_([this] { run(); }) {}

Watchdog::~Watchdog() { finish(); }

void Watchdog::headers_received() {
  const auto now = Clock::now();
  {
    std::lock_guard lock(mu_);
    if (progress_.headers) return;
    progress_.headers = true;
    progress_.first_byte = now - start_;
    last_activity_ = now;
  }
  cv_.notify_all();  // the idle deadline may come before the first_byte one did
}

bool Watchdog::body_read(std::size_t bytes) {
  const auto now = Clock::now();
  std::lock_guard lock(mu_);
  progress_.body_bytes += bytes;
  progress_.body_reads += 1;
  last_activity_ = now;  // only moves deadlines later: no need to wake the thread
  return !fired_.has_value();
}

std::optional<Limit> Watchdog::finish() {
  {
    std::lock_guard lock(mu_);
    done_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mu_);
  return fired_;
}

Watchdog::Progress Watchdog::progress() const {
  std::lock_guard lock(mu_);
  return progress_;
}

std::pair<Limit, Watchdog::Clock::time_point> Watchdog::next_deadline() const {
  std::pair<Limit, Clock::time_point> best{Limit::total, start_ + limits_.total};
  const auto phase = progress_.headers ? std::pair{Limit::idle, last_activity_ + limits_.idle}
                                       : std::pair{Limit::first_byte, start_ + limits_.first_byte};
  if (phase.second < best.second) best = phase;
  return best;
}

void Watchdog::run() {
  std::unique_lock lock(mu_);
  while (!done_) {
    if (fired_) {
      lock.unlock();
      stop_();
      lock.lock();
      cv_.wait_for(lock, kStopRetry, [this] { return done_; });
      continue;
    }
    const auto deadline = next_deadline();
    if (Clock::now() >= deadline.second) {
      fired_ = deadline.first;
      continue;
    }
    cv_.wait_until(lock, deadline.second);
  }
}

}  // namespace siraya::core::http
