#include "mock/limits/limits.h"

#include <algorithm>
#include <cmath>

#include "mock/generation/hash.h"

namespace siraya::mock::limits {
namespace {

bool names_model(const std::vector<std::string>& list, const Model& model) {
  for (const auto& name : list) {
    if (name == model.id || std::find(model.aliases.begin(), model.aliases.end(), name) != model.aliases.end()) return true;
  }
  return false;
}

std::string seconds_ceil(std::chrono::milliseconds wait) {
  return std::to_string(std::max<std::int64_t>(1, (wait.count() + 999) / 1000));
}

}  // namespace

std::string format_reset(std::chrono::milliseconds wait) {
  const std::int64_t ms = wait.count();
  if (ms < 1000) return std::to_string(ms) + "ms";
  const std::int64_t seconds = (ms + 999) / 1000;
  if (seconds < 60) return std::to_string(seconds) + "s";
  return std::to_string(seconds / 60) + "m" + std::to_string(seconds % 60) + "s";
}

Limits::Limits(std::shared_ptr<const config::Config> config, std::uint64_t seed, std::function<Clock::time_point()> clock)
    : config_(std::move(config)), seed_(seed), clock_(std::move(clock)), moderator_(config_->moderation) {
  if (!clock_) clock_ = [] { return Clock::now(); };
  reset();
}

void Limits::reset() {
  std::lock_guard lock(mutex_);
  credits_.clear();
  for (const auto& k : config_->keys) {
    if (k.credits) credits_[k.key] = *k.credits;
  }
  buckets_.clear();
}

std::optional<ApiError> Limits::upstream_error(const Model& model) const {
  if (names_model(config_->down_models, model)) {
    return ApiError{502, "The upstream provider of " + model.id + " is down (upstream error). Retry later or use another model.",
                    std::nullopt, {}};
  }
  if (names_model(config_->invalid_models, model)) {
    return ApiError{502, "The upstream provider of " + model.id + " returned an invalid response (upstream error).",
                    std::nullopt, {}};
  }
  return std::nullopt;
}

std::chrono::milliseconds Limits::latency(const Model* model, std::string_view body) const {
  const config::Latency* profile = nullptr;
  if (model) {
    for (const auto& [name, l] : config_->latency) {
      if (name != "*" && names_model({name}, *model)) profile = &l;
    }
  }
  if (!profile) {
    const auto any = config_->latency.find("*");
    if (any == config_->latency.end()) return std::chrono::milliseconds(0);
    profile = &any->second;
  }
  std::chrono::milliseconds total = profile->base;
  if (profile->jitter.count() > 0) {
    const std::uint64_t h = generation::mix64(generation::fnv1a(body, seed_ ^ 0x6c6174656e6379ull));
    total += std::chrono::milliseconds(std::int64_t(h % std::uint64_t(profile->jitter.count() + 1)));
  }
  return total;
}

Limits::Buckets& Limits::buckets_for(const std::string& key, const std::string& model, const config::RateLimit& limit,
                                     Clock::time_point now) {
  auto [it, inserted] = buckets_.try_emplace({key, model});
  if (inserted) {
    if (limit.requests_per_minute > 0) it->second.requests.emplace(limit.requests_per_minute, now);
    if (limit.tokens_per_minute > 0) it->second.tokens.emplace(limit.tokens_per_minute, now);
  }
  return it->second;
}

std::optional<ApiError> Limits::take_request(Admission& admission) {
  std::lock_guard lock(mutex_);
  const Clock::time_point now = clock_();
  if (auto credit = credits_.find(admission.key); credit != credits_.end() && credit->second <= 0) {
    return ApiError{402, "Insufficient credits: the balance of this key is spent. Add credits to continue.",
                    std::nullopt, {}};
  }
  // Every bucket that applies: the key's, then the key+model's.
  std::vector<std::pair<Buckets*, std::string>> applicable;
  if (config_->rate_limit.any()) applicable.emplace_back(&buckets_for(admission.key, "", config_->rate_limit, now), "");
  if (admission.model) {
    for (const auto& [name, limit] : config_->model_limits) {
      if (limit.any() && names_model({name}, *admission.model)) {
        applicable.emplace_back(&buckets_for(admission.key, admission.model->id, limit, now), admission.model->id);
      }
    }
  }
  std::chrono::milliseconds wait{0};
  std::string what;
  for (auto& [b, model] : applicable) {
    const std::string scope = model.empty() ? "this key" : "this key on " + model;
    if (b->requests && !b->requests->has(1, now)) {
      wait = std::max(wait, b->requests->wait_for(1, now));
      what = std::to_string(b->requests->capacity()) + " requests per minute for " + scope;
    }
    if (b->tokens && !b->tokens->has(1, now)) {
      wait = std::max(wait, b->tokens->wait_for(1, now));
      what = std::to_string(b->tokens->capacity()) + " tokens per minute for " + scope;
    }
  }
  std::vector<std::pair<std::string, std::string>> headers;
  if (!what.empty()) headers.emplace_back("retry-after", seconds_ceil(wait));
  else {
    for (auto& [b, model] : applicable) {
      if (b->requests) b->requests->take(1, now);
    }
  }
  // The headers describe the key's own buckets (README §3), after this request.
  if (!applicable.empty() && applicable.front().second.empty()) {
    Buckets& b = *applicable.front().first;
    if (b.requests) {
      headers.emplace_back("x-ratelimit-limit-requests", std::to_string(b.requests->capacity()));
      headers.emplace_back("x-ratelimit-remaining-requests", std::to_string(b.requests->remaining(now)));
      headers.emplace_back("x-ratelimit-reset-requests", format_reset(b.requests->until_full(now)));
    }
    if (b.tokens) {
      headers.emplace_back("x-ratelimit-limit-tokens", std::to_string(b.tokens->capacity()));
      headers.emplace_back("x-ratelimit-remaining-tokens", std::to_string(b.tokens->remaining(now)));
      headers.emplace_back("x-ratelimit-reset-tokens", format_reset(b.tokens->until_full(now)));
    }
  }
  if (!what.empty()) return ApiError{429, "Rate limit exceeded: " + what + ". Retry after the retry-after header's seconds.",
                                     std::nullopt, std::move(headers)};
  admission.rate_headers = std::move(headers);
  return std::nullopt;
}

bool Limits::settle(Admission& admission, double cost, std::int64_t tokens) {
  std::lock_guard lock(mutex_);
  if (auto credit = credits_.find(admission.key); credit != credits_.end()) {
    if (credit->second < cost) return false;
    credit->second -= cost;
  }
  if (tokens > 0) {
    const Clock::time_point now = clock_();
    for (auto& [scope, b] : buckets_) {
      const bool applies = scope.first == admission.key &&
                           (scope.second.empty() || (admission.model && scope.second == admission.model->id));
      if (applies && b.tokens) b.tokens->take(double(tokens), now);
    }
    // The token headers tell what is left after this response's usage.
    const auto own = buckets_.find({admission.key, ""});
    if (own != buckets_.end() && own->second.tokens) {
      for (auto& [name, value] : admission.rate_headers) {
        if (name == "x-ratelimit-remaining-tokens") value = std::to_string(own->second.tokens->remaining(now));
        if (name == "x-ratelimit-reset-tokens") value = format_reset(own->second.tokens->until_full(now));
      }
    }
  }
  return true;
}

std::optional<double> Limits::balance(const std::string& key) const {
  std::lock_guard lock(mutex_);
  const auto it = credits_.find(key);
  if (it == credits_.end()) return std::nullopt;
  return it->second;
}

}  // namespace siraya::mock::limits
