#pragma once
// When the runner sends a request again. Only outcomes that say nothing about conformance are
// retried: transport errors (connect, timeouts, reads and writes cut short; never a bad URL, an
// unsendable request or a TLS verification failure) and HTTP 429 and 503, unless the case expects
// that very status. Failed checks are never retried: they are about the answer, not the transport.
// The delay follows the SDKs (reference README §3): `retry-after-ms`, then `retry-after` in
// seconds or as an HTTP date, honoured when 0 < delay <= max_server_delay; otherwise 0.5 s x 2^n
// capped at 8 s, less up to 25 % deterministic jitter. `x-should-retry: false` is obeyed.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>

#include "core/http/client.h"
#include "core/result.h"

namespace siraya::harness {

struct RetryPolicy {
  std::size_t retries = 0;  // further attempts after the first
  std::chrono::milliseconds max_server_delay{60'000};
};

struct RetryContext {
  std::size_t retry_number = 0;       // 0 before the first retry
  std::set<int> expected_statuses;    // statuses the case expects: never retried
  std::uint64_t jitter_seed = 0;      // e.g. a hash of the case id: the same run waits the same
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();  // for HTTP dates
};

// Whether `outcome` is retried and after how long; nullopt when it stands.
std::optional<std::chrono::milliseconds> retry_delay(const core::Result<core::http::Response>& outcome,
                                                     const RetryPolicy& policy, const RetryContext& context);

// The delay a retry-after-ms / retry-after header asks for; nullopt when absent or unreadable.
std::optional<std::chrono::milliseconds> server_retry_delay(const core::http::Response& response,
                                                            std::chrono::system_clock::time_point now);

}  // namespace siraya::harness
