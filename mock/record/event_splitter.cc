#include "mock/record/event_splitter.h"

namespace siraya::mock::record {

std::vector<std::string> EventSplitter::feed(std::string_view bytes) {
  pending_.append(bytes);
  std::vector<std::string> events;
  std::size_t start = 0;  // where the current event begins in pending_
  std::size_t i = scanned_;
  while (i < pending_.size()) {
    const char c = pending_[i];
    if (c != '\n' && c != '\r') {
      line_empty_ = false;
      ++i;
      continue;
    }
    // A CR may be the first half of a CRLF that has not arrived yet: wait for the next byte.
    if (c == '\r' && i + 1 == pending_.size()) break;
    const std::size_t end = (c == '\r' && pending_[i + 1] == '\n') ? i + 2 : i + 1;
    if (line_empty_) {
      // An empty line: it ends the event (or, with nothing before it, is a stray blank line of
      // its own; kept so that no byte is lost).
      events.push_back(pending_.substr(start, end - start));
      start = end;
    }
    line_empty_ = true;
    i = end;
  }
  pending_.erase(0, start);
  scanned_ = i - start;
  return events;
}

std::string EventSplitter::finish() {
  std::string rest = std::move(pending_);
  pending_.clear();
  scanned_ = 0;
  line_empty_ = true;
  return rest;
}

}  // namespace siraya::mock::record
