#pragma once
// Per-server state behind the real causes of 402, 403, 408, 429 and 502 (reference README §3-§4),
// built from the configuration file. One instance per server; thread-safe (one mutex around
// credits and buckets). A server without a configuration has no Limits at all, so its requests
// take no lock.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mock/catalog.h"
#include "mock/config/config.h"
#include "mock/errors.h"
#include "mock/limits/moderation.h"
#include "mock/limits/token_bucket.h"
#include "mock/limits/usage_cost.h"

namespace siraya::mock::limits {

// What admit() learned about a request, for settle().
struct Admission {
  std::string key;
  const Model* model = nullptr;
  const Provider* provider = nullptr;  // the first provider routing chose
  std::chrono::milliseconds latency{0};
  // x-ratelimit-* headers (README §3), true after this request's request token was taken.
  std::vector<std::pair<std::string, std::string>> rate_headers;
};

class Limits {
 public:
  // `clock`: empty for steady_clock::now (tests inject a manual one, so no test sleeps).
  Limits(std::shared_ptr<const config::Config> config, std::uint64_t seed, std::function<Clock::time_point()> clock);

  const config::Config& config() const { return *config_; }
  const Moderator& moderator() const { return moderator_; }

  // Model-level causes, without state: 502 for a model marked down or invalid upstream.
  std::optional<ApiError> upstream_error(const Model& model) const;
  // Simulated upstream latency of `model` for this request: base + seeded jitter from `body`.
  std::chrono::milliseconds latency(const Model* model, std::string_view body) const;

  // Takes one request token from the key's buckets (and the key+model's) and fills
  // admission.rate_headers, or returns the 429 (nothing taken) or the 402 of a spent balance.
  std::optional<ApiError> take_request(Admission& admission);
  // Charges `cost` (USD) and `tokens` for a finished request: false (nothing charged, no tokens
  // taken) when the key's balance is below the cost. Updates the token headers of admission.
  bool settle(Admission& admission, double cost, std::int64_t tokens);

  // The key's remaining balance; nullopt for a key without credits.
  std::optional<double> balance(const std::string& key) const;

  // Back to the configured state (POST /__admin/reset): every balance as configured, every
  // bucket full again (buckets are made afresh on a key's next request).
  void reset();

 private:
  struct Buckets {
    std::optional<TokenBucket> requests;
    std::optional<TokenBucket> tokens;
  };
  Buckets& buckets_for(const std::string& key, const std::string& model, const config::RateLimit& limit,
                       Clock::time_point now);

  std::shared_ptr<const config::Config> config_;
  std::uint64_t seed_;
  std::function<Clock::time_point()> clock_;
  Moderator moderator_;
  mutable std::mutex mutex_;
  std::map<std::string, double> credits_;  // by key
  std::map<std::pair<std::string, std::string>, Buckets> buckets_;  // (key, model or "")
};

// "1s", "6m0s", "250ms": the x-ratelimit-reset-* format of the OpenAI API, rounded up.
std::string format_reset(std::chrono::milliseconds wait);

}  // namespace siraya::mock::limits
