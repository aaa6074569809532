#include "mock/faults/injector.h"

#include <algorithm>
#include <string>

#include "core/sse/encoder.h"
#include "mock/faults/in_stream_error.h"
#include "mock/generation/hash.h"

namespace siraya::mock::faults {
namespace {

// A prefix of `text` of about half its length that does not split a UTF-8 sequence, so a cut
// frame is invalid JSON but still valid UTF-8 (one finding, not two).
std::size_t half_at_char_boundary(std::string_view text) {
  std::size_t cut = text.size() / 2;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

// The frame with its data line cut in half; the event: line stays, so SDKs that dispatch by name
// still parse (and fail on) the data.
std::string malformed(const std::string& frame) {
  const std::size_t line = frame.rfind("data: ", 0) == 0 ? 0 : frame.find("\ndata: ");
  if (line == std::string::npos) return "data: {\"malformed\n\n";
  const std::size_t begin = line == 0 ? 6 : line + 7;
  const std::size_t end = frame.find('\n', begin);
  const std::string_view data = std::string_view(frame).substr(begin, end - begin);
  const std::size_t cut = std::max<std::size_t>(half_at_char_boundary(data), 1);
  return frame.substr(0, begin) + std::string(data.substr(0, cut)) + "\n\n";
}

// Index of the frame that ends the stream: [DONE] for chat, response.completed /
// response.incomplete for responses (before its [DONE]), message_stop for messages.
std::size_t terminal_index(core::StreamDialect dialect, const std::vector<std::string>& events) {
  std::size_t last = events.size() - 1;
  if (dialect == core::StreamDialect::responses && last > 0 && events[last] == core::sse::encode(core::sse::kDone)) --last;
  return last;
}

// The dialect's terminal marker (README §5): data: [DONE], or message_stop on /v1/messages.
bool is_terminal_marker(core::StreamDialect dialect, const std::string& frame) {
  if (dialect == core::StreamDialect::messages) return frame.rfind("event: message_stop\n", 0) == 0;
  return frame == core::sse::encode(core::sse::kDone);
}

void inject_stream(const Directives& d, core::StreamDialect dialect, std::string_view request_id, ResponsePlan& plan) {
  auto& events = plan.events;
  if (events.empty() || d.fault == FaultKind::none) return;
  const std::size_t last = events.size() - 1;
  const std::size_t n = std::min(d.after.value_or(events.size() / 2), last);
  switch (d.fault) {
    case FaultKind::none: break;
    case FaultKind::truncate: events.resize(n); break;
    case FaultKind::drop_terminal:
      if (is_terminal_marker(dialect, events.back())) events.pop_back();
      break;
    case FaultKind::malformed: events[n] = malformed(events[n]); break;
    case FaultKind::error: {
      const std::size_t at = std::min(n, terminal_index(dialect, events));
      auto frames = in_stream_error_frames(dialect, events, at, d.error_code(), request_id);
      events.resize(at);
      events.insert(events.end(), frames.begin(), frames.end());
      break;
    }
    case FaultKind::close:
    case FaultKind::reset:
    case FaultKind::stall:
      if (d.after) plan.end_after = n;
      break;
  }
}

void inject_buffered(const Directives& d, ResponsePlan& plan) {
  if (d.fault == FaultKind::truncate && !plan.body.empty()) {
    plan.ending = Ending::close;
    plan.end_after = half_at_char_boundary(plan.body);
  } else if (d.fault == FaultKind::malformed && !plan.body.empty()) {
    plan.body.resize(std::max<std::size_t>(half_at_char_boundary(plan.body), 1));
  }
}

Ending ending_of(FaultKind kind) {
  switch (kind) {
    case FaultKind::close: return Ending::close;
    case FaultKind::reset: return Ending::reset;
    case FaultKind::stall: return Ending::stall;
    default: return Ending::complete;
  }
}

}  // namespace

core::Result<void> inject(const Directives& d, core::StreamDialect dialect, std::string_view request_id,
                          std::uint64_t seed, ResponsePlan& plan) {
  const bool is_error = plan.status >= 400;
  if (!plan.streaming && !is_error && d.needs_stream()) {
    return core::fail("mock.fault_directive",
                      "interval=, jitter=, after=, fault=drop-terminal and fault=error apply to streamed responses "
                      "only, and this response is not streamed (send \"stream\": true)");
  }
  if (d.should_retry) plan.headers.emplace_back("x-should-retry", *d.should_retry ? "true" : "false");
  plan.first_byte_delay = d.delay;
  // close/reset/stall without `after` end any response before its first byte; with `after` they
  // are placed in a stream, and an error plan has none.
  if (!is_error || !d.after) plan.ending = ending_of(d.fault);
  plan.stall_for = d.stall_duration();
  if (plan.streaming && !is_error) {
    inject_stream(d, dialect, request_id, plan);
    if (d.interval.count() > 0 || d.jitter.count() > 0) {
      generation::Rng rng(generation::mix64(seed));
      plan.event_delays.assign(plan.events.size(), std::chrono::milliseconds(0));
      for (std::size_t i = 1; i < plan.events.size(); ++i) {
        const auto extra = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(d.jitter.count()) + 1));
        plan.event_delays[i] = d.interval + std::chrono::milliseconds(extra);
      }
    }
  } else if (!is_error) {
    inject_buffered(d, plan);
  }
  return {};
}

}  // namespace siraya::mock::faults
