#include "core/sse/encoder.h"

#include <cassert>

// Framing per reference README §5: `\n` line ends, one space after the colon, a blank line closing
// every event. Text that itself holds line ends is written one field line per line (CRLF, CR and
// LF all split, as WHATWG HTML 9.2.6 does), so the decoder gives back the lines joined with "\n".

namespace siraya::core::sse {
namespace {

// Appends "<prefix><line>\n" for every line of `text` (at least one, even when `text` is empty).
void append_lines(std::string& out, std::string_view prefix, std::string_view text) {
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find_first_of("\r\n", start);
    out.append(prefix);
    out.append(text.substr(start, end == std::string_view::npos ? end : end - start));
    out.push_back('\n');
    if (end == std::string_view::npos) return;
    start = end + 1;
    if (text[end] == '\r' && start < text.size() && text[start] == '\n') ++start;
  }
}

}  // namespace

std::string encode(std::string_view data, std::string_view type) {
  // An event name with a line end would split the frame; callers pass fixed protocol names.
  assert(type.find_first_of("\r\n") == std::string_view::npos);
  std::string out;
  out.reserve(data.size() + type.size() + 16);
  if (!type.empty()) {
    out.append("event: ");
    out.append(type);
    out.push_back('\n');
  }
  append_lines(out, "data: ", data);
  out.push_back('\n');
  return out;
}

std::string encode_comment(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 4);
  append_lines(out, ": ", text);
  out.push_back('\n');
  return out;
}

}  // namespace siraya::core::sse
