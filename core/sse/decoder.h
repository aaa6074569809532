#pragma once
// Incremental SSE decoder following the WHATWG event-stream rules: LF, CR and CRLF line ends
// (a CRLF split across two chunks is one line end), a leading UTF-8 BOM, `:` comments, multi-line
// `data`, the `event`/`id`/`retry` fields, unknown fields ignored, and any chunk boundaries.
// Besides the events it reports framing findings: the things a JSON Schema cannot see.
//
// Finding ids (severity):
//   sse.unterminated_event (error)  the stream ended inside an event that was never closed by a
//                                   blank line; per WHATWG it is discarded, not dispatched
//   sse.empty_data (error)          an event block with fields but no data (e.g. `event: ping`
//                                   alone); not dispatched per WHATWG, but SDKs JSON.parse("")
//   sse.multiline_data (warning)    one event's data spread over several `data:` lines
//   sse.invalid_utf8 (error)        bytes that are not UTF-8 (decoded with U+FFFD per WHATWG)
//   sse.unknown_field (info)        a field name other than event/data/id/retry
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/sse/event.h"

namespace siraya::core::sse {

class Decoder {
 public:
  // Feeds the next chunk of the body as it arrived; `arrival` is stamped on events it completes.
  // Returns the events completed by this chunk, in order.
  std::vector<Event> feed(std::string_view bytes, std::chrono::nanoseconds arrival = {});
  // Ends the stream: reports a trailing event without its blank line (not dispatched).
  void finish();

  const Findings& findings() const { return findings_; }
  std::size_t comments() const { return comments_; }
  std::size_t bytes_seen() const { return offset_; }

 private:
  // Line splitting works on raw bytes: CR and LF never occur inside a UTF-8 sequence, so a line
  // can be split first and decoded (with U+FFFD repair) once it is complete.
  void scan(std::string_view bytes, std::chrono::nanoseconds arrival, std::vector<Event>& out);
  void process_line(std::string_view line, std::size_t line_offset, std::chrono::nanoseconds arrival,
                    std::vector<Event>& out);
  void process_field(std::string_view field, std::string_view value, std::size_t line_offset);
  void dispatch(std::chrono::nanoseconds arrival, std::vector<Event>& out);
  void reset_block();
  void report_invalid_utf8(std::size_t byte);
  void add_finding(std::string id, Severity severity, std::size_t byte, std::string what,
                   std::string fix);

  std::string line_;              // the current line when it spans chunks (no line end)
  std::size_t line_start_ = 0;    // stream offset of the current line's first byte
  std::size_t scan_offset_ = 0;   // stream offset of the next byte the line scanner sees
  std::size_t offset_ = 0;        // bytes fed so far, the BOM included
  std::string bom_pending_;       // a possible BOM prefix still waiting for its next byte
  bool bom_checked_ = false;
  bool last_was_cr_ = false;      // the last chunk ended in CR: a leading LF belongs to it
  bool finished_ = false;

  // The event block being built (WHATWG "event type buffer", "data buffer").
  std::string event_type_;
  std::string data_;
  std::optional<std::string> id_;
  std::optional<long long> retry_;
  bool block_has_fields_ = false;  // an event, data, id or retry field was seen in this block
  std::size_t block_start_ = 0;    // offset of the block's first field line
  std::size_t data_lines_ = 0;

  std::size_t dispatched_ = 0;
  std::size_t comments_ = 0;
  bool utf8_reported_ = false;
  std::vector<std::string> unknown_fields_;  // field names already reported (bounded)
  Findings findings_;
};

// Decodes a whole body at once (the common case for tests and offline checks).
struct Decoded {
  std::vector<Event> events;
  Findings findings;
  std::size_t comments = 0;
};
Decoded decode_all(std::string_view body);

}  // namespace siraya::core::sse
