#pragma once
// The fault vocabulary (docs/faults.md): what one request may ask of the mock. Each field is one
// named directive with one value grammar; the x-siraya-mock request header spells them
// `name=value;name=value`; rules files (docs/rules.md) and the configuration file's faults
// (docs/mock-config.md) name the same directives with the same values, so all of them go through
// set_directive() and check_combination().
#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>

#include "core/result.h"

namespace siraya::mock::faults {

// What happens to the body. Stream faults act on the SSE events (reference README §5);
// close, reset and stall without `after` also apply to buffered responses (nothing is sent).
enum class FaultKind { none, truncate, drop_terminal, malformed, error, close, reset, stall };

std::string_view to_string(FaultKind kind);  // the directive value: "drop-terminal", ...

inline constexpr std::chrono::milliseconds kMaxDuration{600'000};  // every delay, and a stall
inline constexpr std::size_t kMaxAfter = 1'000'000;
inline constexpr int kMaxRetryAfter = 86'400;

struct Directives {
  std::optional<int> status;       // status=429: answer this documented error instead of the endpoint
  std::optional<int> retry_after;  // retry-after=<s>: the retry-after header of the forced status
  std::optional<bool> should_retry;  // should-retry=true|false: the x-should-retry header
  std::chrono::milliseconds delay{0};     // delay=<ms>: before the status line
  std::chrono::milliseconds interval{0};  // interval=<ms>: between two events
  std::chrono::milliseconds jitter{0};    // jitter=<ms>: up to this much more per gap, seeded
  FaultKind fault = FaultKind::none;      // fault=<kind>
  std::optional<std::size_t> after;       // after=<n>: the fault happens after n events
  std::optional<int> code;                // code=<status>: the status of fault=error
  std::optional<std::chrono::milliseconds> stall_for;  // for=<ms>: how long fault=stall lasts

  // Directives that only make sense on a streamed (SSE) response.
  bool needs_stream() const {
    return interval.count() > 0 || jitter.count() > 0 || after.has_value() || fault == FaultKind::drop_terminal ||
           fault == FaultKind::error;
  }
  // Anything for apply_control() to do after the endpoint: timing, x-should-retry or a fault
  // (status= is answered before the endpoint instead).
  bool acts_on_plan() const {
    return should_retry.has_value() || delay.count() > 0 || interval.count() > 0 || jitter.count() > 0 ||
           fault != FaultKind::none;
  }
  int error_code() const { return code.value_or(502); }
  std::chrono::milliseconds stall_duration() const { return stall_for.value_or(kMaxDuration); }
};

// Sets one directive from its text value. Error id mock.fault_directive (unknown name or bad
// value); the message says what is wrong, not which directives exist. Names and values are
// lower case and exact.
core::Result<void> set_directive(Directives& directives, std::string_view name, std::string_view value);

// Checks that the directives make sense together (e.g. `after` needs a fault, `status` excludes
// stream faults). Error id mock.fault_directive.
core::Result<void> check_combination(const Directives& directives);

// What a response can carry: unchanged when `streaming`; on a buffered response interval, jitter,
// after and the stream-only faults (drop-terminal, error, with its code) are dropped (close,
// reset and stall then happen before the first byte), so one rule or configured fault serves a
// request sent with or without "stream": true (docs/rules.md, docs/mock-config.md). The
// x-siraya-mock header does not use it: there a stream-only directive on a buffered request is
// a 400 (docs/faults.md).
Directives for_transport(Directives directives, bool streaming);

// One line listing every directive and its values, for error messages and --help.
std::string_view valid_directives();

// The statuses `status=` and `code=` accept (reference README §4.2, plus 405, 413 and 500).
bool is_documented_status(int status);

}  // namespace siraya::mock::faults
