#include "harness/runner/retry_policy.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <ctime>
#include <string>
#include <string_view>

namespace siraya::harness {

namespace {

using std::chrono::milliseconds;

bool retryable_error(const std::string& id) {
  // http.bad_url / http.bad_request fail the same way every time; http.tls is a certificate or
  // protocol mismatch, not a hiccup.
  return id == "http.connect" || id == "http.read" || id == "http.write" || id == "http.error" ||
         id.rfind("http.timeout.", 0) == 0;
}

std::optional<double> parse_number(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  double value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

// RFC 9110 section 5.6.7 IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
std::optional<std::chrono::system_clock::time_point> parse_http_date(const std::string& text) {
  std::tm tm{};
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (end == nullptr || *end != '\0') return std::nullopt;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

milliseconds backoff(std::size_t retry_number, std::uint64_t seed) {
  const double base = std::min(500.0 * std::pow(2.0, static_cast<double>(retry_number)), 8000.0);
  // splitmix64 of (seed, n): a fixed fraction in [0, 0.25) per case and attempt.
  std::uint64_t x = seed + 0x9e3779b97f4a7c15ULL * (retry_number + 1);
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  x ^= x >> 31;
  const double jitter = static_cast<double>(x % 1000) / 4000.0;
  return milliseconds(static_cast<long long>(base * (1.0 - jitter)));
}

}  // namespace

std::optional<milliseconds> server_retry_delay(const core::http::Response& response,
                                               std::chrono::system_clock::time_point now) {
  if (auto ms = response.header("retry-after-ms")) {
    if (auto v = parse_number(*ms)) return milliseconds(static_cast<long long>(*v));
  }
  if (auto after = response.header("retry-after")) {
    if (auto seconds = parse_number(*after)) return milliseconds(static_cast<long long>(*seconds * 1000.0));
    if (auto date = parse_http_date(*after)) return std::chrono::duration_cast<milliseconds>(*date - now);
  }
  return std::nullopt;
}

std::optional<milliseconds> retry_delay(const core::Result<core::http::Response>& outcome, const RetryPolicy& policy,
                                        const RetryContext& context) {
  if (context.retry_number >= policy.retries) return std::nullopt;
  if (!outcome) {
    if (!retryable_error(outcome.error().id)) return std::nullopt;
    return backoff(context.retry_number, context.jitter_seed);
  }
  const auto& response = *outcome;
  if (response.status != 429 && response.status != 503) return std::nullopt;
  if (context.expected_statuses.count(response.status) != 0) return std::nullopt;
  if (auto should = response.header("x-should-retry"); should && *should == "false") return std::nullopt;
  if (auto asked = server_retry_delay(response, context.now);
      asked && asked->count() > 0 && *asked <= policy.max_server_delay) {
    return *asked;
  }
  return backoff(context.retry_number, context.jitter_seed);
}

}  // namespace siraya::harness
