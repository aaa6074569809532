#pragma once
// How long one response took, as the harness client saw it. Every figure counts from the start of
// the request, connect and TLS included (core/http/client.h measures them that way).
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace siraya::harness {

struct Timing {
  std::chrono::microseconds first_byte{0};  // until the response headers arrived
  std::chrono::microseconds total{0};       // until the body was complete
  // Streams only: until the first event was complete, the largest gap between two consecutive
  // events (unset with fewer than two), and how many events and body reads there were.
  std::optional<std::chrono::microseconds> first_event;
  std::optional<std::chrono::microseconds> max_gap;
  std::size_t events = 0;
  std::size_t reads = 0;
};

// "ttfb 3.1 ms, first event 4.0 ms, max gap 0.5 ms, total 12.0 ms (12 events in 12 reads)";
// the stream figures only for streams.
std::string to_string(const Timing& timing);

// Milliseconds with one decimal ("12.3"), the form every report prints.
std::string format_ms(std::chrono::microseconds d);
// Milliseconds as a number with microsecond precision, for machine-readable reports.
double to_ms(std::chrono::microseconds d);

}  // namespace siraya::harness
