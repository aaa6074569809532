// What is retried and after how long (reference README §3, the SDKs' rules).
#include "harness/runner/retry_policy.h"

#include <gtest/gtest.h>

namespace siraya::harness {
namespace {

using std::chrono::milliseconds;

core::Result<core::http::Response> status(int code, core::http::Headers headers = {}) {
  core::http::Response r;
  r.status = code;
  r.headers = std::move(headers);
  return r;
}

core::Result<core::http::Response> transport(const std::string& id) { return core::fail(id, "boom"); }

RetryPolicy two() { return RetryPolicy{2, milliseconds(60'000)}; }

TEST(RetryPolicy, RetriesTransportErrorsButNotBadRequestsOrTls) {
  for (const char* id : {"http.connect", "http.read", "http.write", "http.error", "http.timeout.connect",
                         "http.timeout.first_byte", "http.timeout.idle", "http.timeout.total"}) {
    EXPECT_TRUE(retry_delay(transport(id), two(), {})) << id;
  }
  for (const char* id : {"http.bad_url", "http.bad_request", "http.tls"}) {
    EXPECT_FALSE(retry_delay(transport(id), two(), {})) << id;
  }
}

TEST(RetryPolicy, Retries429And503Only) {
  EXPECT_TRUE(retry_delay(status(429), two(), {}));
  EXPECT_TRUE(retry_delay(status(503), two(), {}));
  for (int code : {200, 400, 401, 404, 408, 500, 502, 504}) EXPECT_FALSE(retry_delay(status(code), two(), {})) << code;
}

TEST(RetryPolicy, NeverRetriesAStatusTheCaseExpects) {
  RetryContext context;
  context.expected_statuses = {429};
  EXPECT_FALSE(retry_delay(status(429), two(), context));
  EXPECT_TRUE(retry_delay(status(503), two(), context));
}

TEST(RetryPolicy, StopsAfterTheConfiguredRetries) {
  RetryContext context;
  context.retry_number = 2;
  EXPECT_FALSE(retry_delay(status(429), two(), context));
  context.retry_number = 1;
  EXPECT_TRUE(retry_delay(status(429), two(), context));
  EXPECT_FALSE(retry_delay(status(429), RetryPolicy{0, milliseconds(60'000)}, {}));
}

TEST(RetryPolicy, HonoursRetryAfterInSecondsMillisecondsAndHttpDates) {
  EXPECT_EQ(retry_delay(status(429, {{"Retry-After", "2"}}), two(), {}), milliseconds(2000));
  EXPECT_EQ(retry_delay(status(429, {{"retry-after", "0.25"}}), two(), {}), milliseconds(250));
  // retry-after-ms wins over retry-after, as in the SDKs.
  EXPECT_EQ(retry_delay(status(503, {{"retry-after", "9"}, {"retry-after-ms", "120"}}), two(), {}), milliseconds(120));
  RetryContext context;
  context.now = std::chrono::system_clock::from_time_t(784111777);  // Sun, 06 Nov 1994 08:49:37 GMT
  EXPECT_EQ(retry_delay(status(429, {{"retry-after", "Sun, 06 Nov 1994 08:49:40 GMT"}}), two(), context),
            milliseconds(3000));
}

TEST(RetryPolicy, OutOfRangeOrUnreadableRetryAfterFallsBackToBackoff) {
  RetryPolicy policy{2, milliseconds(10'000)};
  for (const char* value : {"0", "-1", "3600", "soon"}) {
    auto d = retry_delay(status(429, {{"retry-after", value}}), policy, {});
    ASSERT_TRUE(d) << value;
    EXPECT_GE(*d, milliseconds(375)) << value;  // 500 ms less at most 25 % jitter
    EXPECT_LE(*d, milliseconds(500)) << value;
  }
}

TEST(RetryPolicy, ObeysXShouldRetryFalse) {
  EXPECT_FALSE(retry_delay(status(503, {{"x-should-retry", "false"}}), two(), {}));
}

TEST(RetryPolicy, BackoffDoublesUpToEightSecondsAndIsDeterministic) {
  RetryPolicy policy{10, milliseconds(60'000)};
  RetryContext context;
  context.jitter_seed = 42;
  milliseconds previous{0};
  for (std::size_t n = 0; n < 6; ++n) {
    context.retry_number = n;
    auto d = retry_delay(transport("http.connect"), policy, context);
    ASSERT_TRUE(d);
    const double base = std::min(500.0 * (1 << n), 8000.0);
    EXPECT_GE(d->count(), base * 0.75) << n;
    EXPECT_LE(d->count(), base) << n;
    EXPECT_EQ(d, retry_delay(transport("http.connect"), policy, context)) << "same seed, same delay";
    if (n < 4) {
      EXPECT_GT(*d, previous);
    }
    previous = *d;
  }
}

}  // namespace
}  // namespace siraya::harness
