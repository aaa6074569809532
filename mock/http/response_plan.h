#pragma once
// A response plan: everything the mock will send for one request, decided before the first byte
// is written (design.md, "One request through the mock", steps 5-8). Strict mode validates it and
// fault injection transforms it; the transport only writes it out.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mock/http/event_source.h"

namespace siraya::mock {

// How a response ends (mock/faults/). complete: the whole body, properly ended. close: the
// connection is closed (FIN) without ending the body. reset: it is reset (RST: SO_LINGER 0, then
// close). stall: nothing more is sent until stall_for has passed, the client leaves or the server
// stops; then close.
enum class Ending { complete, close, reset, stall };

// Tokens an answer used by the mock's own count (mock/generation/token_counter.h).
struct TokenUsage {
  std::int64_t input_tokens = 0;
  std::int64_t output_tokens = 0;
};

struct ResponsePlan {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, e.g. Allow

  // streaming == false: the buffered body. streaming == true: `events` are written in order
  // through a chunked body, each event in one write (reference README §5 rule 7).
  bool streaming = false;
  std::string body;
  std::vector<std::string> events;  // encoded SSE frames (core/sse/encoder.h)
  // streaming == true: chunks still arriving (a proxied stream), written after `events` as each
  // one comes; nullptr: `events` is the whole body.
  std::shared_ptr<EventSource> source;

  // Schema ids (schemas/...) the body, and each event's JSON data, must satisfy; checked in
  // strict mode. Empty: nothing to check.
  std::string_view body_schema;
  std::string_view event_schema;

  // What the answer used, set by an endpoint whose wire form may leave it out (a chat stream
  // without stream_options.include_usage); nullopt: the usage the body or events carry. Credits
  // and token buckets are charged from it (mock/limits/usage_cost.h), never written out.
  std::optional<TokenUsage> usage;

  // Timing and the end, set by fault directives; the defaults send everything at once.
  std::chrono::milliseconds first_byte_delay{0};        // before the status line
  std::vector<std::chrono::milliseconds> event_delays;  // [i]: before events[i]; may be shorter
  Ending ending = Ending::complete;
  // Where a non-complete ending happens: nullopt: before the status line (no byte at all);
  // otherwise after this many events (streaming) or body bytes (buffered: Content-Length still
  // announces the whole body).
  std::optional<std::size_t> end_after;
  std::chrono::milliseconds stall_for{0};
};

}  // namespace siraya::mock
