#pragma once
// Cuts a server-sent-events byte stream into events as the bytes arrive, for recording each
// event with its own time (docs/record-replay.md). An event ends at an empty line; lines end with
// CRLF, LF or CR (WHATWG HTML, "server-sent events", 9.2.5). Events keep their bytes exactly,
// terminators included, so the events concatenated are the stream.
#include <string>
#include <string_view>
#include <vector>

namespace siraya::mock::record {

class EventSplitter {
 public:
  // Takes the next bytes; returns the events they complete, in order.
  std::vector<std::string> feed(std::string_view bytes);
  // At the end of the stream: the bytes after the last complete event (empty when none).
  std::string finish();

 private:
  std::string pending_;        // bytes of the event being read
  std::size_t scanned_ = 0;    // pending_[0, scanned_) holds no event end
  bool line_empty_ = true;     // nothing but the terminator seen since the last line break
};

}  // namespace siraya::mock::record
