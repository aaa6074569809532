#pragma once
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace siraya::core::sse {

// One dispatched server-sent event (WHATWG HTML, "Interpreting an event stream").
struct Event {
  std::string type;                  // the `event:` field; empty when the stream sent none
  std::string data;                  // `data:` lines joined with "\n" (final "\n" removed)
  std::optional<std::string> id;     // the `id:` field, when this event set one
  std::optional<long long> retry;    // the `retry:` field, when this event set a valid one
  std::size_t index = 0;             // 0-based position among dispatched events
  std::size_t byte_offset = 0;       // offset of the event's first line in the stream
  std::size_t data_lines = 0;        // how many `data:` lines made up `data`
  std::chrono::nanoseconds arrival{0};  // arrival time of the chunk that completed the event
};

}  // namespace siraya::core::sse
