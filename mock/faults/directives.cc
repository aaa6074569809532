#include "mock/faults/directives.h"

#include <array>
#include <cstdint>
#include <string>

namespace siraya::mock::faults {
namespace {

constexpr std::array kDocumented{400, 401, 402, 403, 404, 405, 408, 413, 429, 500, 502, 503};

constexpr std::array kKinds{FaultKind::truncate, FaultKind::drop_terminal, FaultKind::malformed, FaultKind::error,
                            FaultKind::close,    FaultKind::reset,         FaultKind::stall};

core::Unexpected<core::Error> bad(std::string message) {
  return core::fail("mock.fault_directive", std::move(message));
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

// Decimal digits only (no sign, no spaces), at most `max`.
std::optional<std::uint64_t> parse_count(std::string_view text, std::uint64_t max) {
  if (text.empty() || text.size() > 10) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (n > max) return std::nullopt;
  return n;
}

core::Result<std::chrono::milliseconds> parse_ms(std::string_view name, std::string_view value) {
  auto n = parse_count(value, static_cast<std::uint64_t>(kMaxDuration.count()));
  if (!n) {
    return bad(std::string(name) + "=" + quoted(value) + " is not a whole number of milliseconds from 0 to " +
               std::to_string(kMaxDuration.count()));
  }
  return std::chrono::milliseconds(static_cast<std::int64_t>(*n));
}

core::Result<int> parse_status(std::string_view name, std::string_view value) {
  auto n = parse_count(value, 999);
  if (!n || !is_documented_status(static_cast<int>(*n))) {
    return bad(std::string(name) + "=" + quoted(value) +
               " is not a documented error status (400 401 402 403 404 405 408 413 429 500 502 503)");
  }
  return static_cast<int>(*n);
}

}  // namespace

std::string_view to_string(FaultKind kind) {
  switch (kind) {
    case FaultKind::none: return "none";
    case FaultKind::truncate: return "truncate";
    case FaultKind::drop_terminal: return "drop-terminal";
    case FaultKind::malformed: return "malformed";
    case FaultKind::error: return "error";
    case FaultKind::close: return "close";
    case FaultKind::reset: return "reset";
    case FaultKind::stall: return "stall";
  }
  return "none";
}

bool is_documented_status(int status) {
  for (int s : kDocumented) {
    if (s == status) return true;
  }
  return false;
}

std::string_view valid_directives() {
  return "status=<400|401|402|403|404|405|408|413|429|500|502|503>, retry-after=<seconds> (with status), "
         "should-retry=<true|false>, delay=<ms>, interval=<ms>, jitter=<ms>, "
         "fault=<truncate|drop-terminal|malformed|error|close|reset|stall>, after=<events> (with fault), "
         "code=<status> (with fault=error), for=<ms> (with fault=stall); "
         "separate directives with ';', e.g. \"fault=truncate;after=3\"";
}

core::Result<void> set_directive(Directives& d, std::string_view name, std::string_view value) {
  if (name == "status") {
    auto s = parse_status(name, value);
    if (!s) return core::Unexpected<core::Error>(s.error());
    d.status = *s;
  } else if (name == "code") {
    auto s = parse_status(name, value);
    if (!s) return core::Unexpected<core::Error>(s.error());
    d.code = *s;
  } else if (name == "retry-after") {
    auto n = parse_count(value, kMaxRetryAfter);
    if (!n) {
      return bad("retry-after=" + quoted(value) + " is not a whole number of seconds from 0 to " +
                 std::to_string(kMaxRetryAfter));
    }
    d.retry_after = static_cast<int>(*n);
  } else if (name == "should-retry") {
    if (value != "true" && value != "false") return bad("should-retry=" + quoted(value) + " is neither true nor false");
    d.should_retry = value == "true";
  } else if (name == "delay" || name == "interval" || name == "jitter" || name == "for") {
    auto ms = parse_ms(name, value);
    if (!ms) return core::Unexpected<core::Error>(ms.error());
    if (name == "delay") d.delay = *ms;
    if (name == "interval") d.interval = *ms;
    if (name == "jitter") d.jitter = *ms;
    if (name == "for") d.stall_for = *ms;
  } else if (name == "after") {
    auto n = parse_count(value, kMaxAfter);
    if (!n) return bad("after=" + quoted(value) + " is not a whole number of events from 0 to " + std::to_string(kMaxAfter));
    d.after = static_cast<std::size_t>(*n);
  } else if (name == "fault") {
    for (FaultKind kind : kKinds) {
      if (to_string(kind) == value) {
        d.fault = kind;
        return {};
      }
    }
    return bad("fault=" + quoted(value) + " is not a fault (truncate drop-terminal malformed error close reset stall)");
  } else {
    return bad("unknown directive " + quoted(name));
  }
  return {};
}

Directives for_transport(Directives d, bool streaming) {
  if (streaming) return d;
  d.interval = d.jitter = std::chrono::milliseconds{0};
  if (d.fault == FaultKind::drop_terminal || d.fault == FaultKind::error) d.fault = FaultKind::none;
  d.after.reset();  // a buffered body has no events to count: close, reset and stall happen before it
  if (d.fault != FaultKind::error) d.code.reset();
  if (d.fault != FaultKind::stall) d.stall_for.reset();
  return d;
}

core::Result<void> check_combination(const Directives& d) {
  const bool fault = d.fault != FaultKind::none;
  if (d.after && !fault) return bad("after= needs a fault= to place");
  if (d.after && d.fault == FaultKind::drop_terminal) return bad("after= does not apply to fault=drop-terminal");
  if (d.code && d.fault != FaultKind::error) return bad("code= applies to fault=error only");
  if (d.stall_for && d.fault != FaultKind::stall) return bad("for= applies to fault=stall only");
  if (d.retry_after && !d.status) return bad("retry-after= applies to a forced status= only");
  if (d.status) {
    // A forced status is answered before the first byte (reference README §4.4): there is no
    // stream to fault or pace.
    if (fault) return bad("status= and fault= exclude each other (use fault=error;code=<status> for an error inside a stream)");
    if (d.interval.count() > 0 || d.jitter.count() > 0) return bad("status= has no stream to pace with interval= or jitter=");
  }
  return {};
}

}  // namespace siraya::mock::faults
