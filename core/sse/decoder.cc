#include "core/sse/decoder.h"

#include <algorithm>
#include <cstring>
#include <utility>

// Implements WHATWG HTML "9.2.6 Interpreting an event stream" incrementally. The decoder keeps
// only the current line and the event block being built, so memory does not grow with the body,
// and every byte is looked at a constant number of times (memchr for line ends, one UTF-8 pass
// per line), so a 100 KB `data:` line costs the same whether it arrives whole or byte by byte.

namespace siraya::core::sse {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::size_t kMaxUnknownFieldReports = 16;        // a hostile stream cannot flood findings
constexpr std::size_t kMaxQuoted = 60;

// WHATWG Encoding "UTF-8 decoder": invalid bytes become U+FFFD, one per maximal subpart. Returns
// the index of the first invalid byte (npos if `in` is valid UTF-8). When `out` is given and the
// input is invalid, writes the repaired text there.
std::size_t decode_utf8(std::string_view in, std::string* out) {
  std::size_t first_invalid = std::string_view::npos;
  std::size_t needed = 0, seen = 0, seq_start = 0;
  unsigned char lower = 0x80, upper = 0xBF;
  auto error = [&](std::size_t at) {
    if (first_invalid == std::string_view::npos) first_invalid = at;
    if (out) out->append(kReplacement);
  };
  std::size_t i = 0;
  while (i < in.size()) {
    const auto b = static_cast<unsigned char>(in[i]);
    if (needed == 0) {
      seq_start = i;
      if (b <= 0x7F) {
        if (out) out->push_back(static_cast<char>(b));
      } else if (b >= 0xC2 && b <= 0xDF) {
        needed = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0) lower = 0xA0;
        if (b == 0xED) upper = 0x9F;
        needed = 2;
      } else if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0) lower = 0x90;
        if (b == 0xF4) upper = 0x8F;
        needed = 3;
      } else {
        error(i);
      }
      ++i;
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence is cut short: one U+FFFD for it, then this byte starts afresh.
      needed = seen = 0;
      lower = 0x80;
      upper = 0xBF;
      error(seq_start);
      continue;
    }
    lower = 0x80;
    upper = 0xBF;
    if (++seen == needed) {
      if (out) out->append(in.substr(seq_start, i + 1 - seq_start));
      needed = seen = 0;
    }
    ++i;
  }
  if (needed != 0) error(seq_start);
  return first_invalid;
}

// A short excerpt for a finding's text, never cutting a UTF-8 sequence in two.
std::string quoted(std::string_view s) {
  std::size_t n = std::min(s.size(), kMaxQuoted);
  while (n < s.size() && n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  std::string out = "\"";
  out.append(s.substr(0, n));
  if (n < s.size()) out += "...";
  return out + "\"";
}

bool all_ascii_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_known_field(std::string_view field) {
  return field == "event" || field == "data" || field == "id" || field == "retry";
}

std::string_view field_name(std::string_view line) {
  return line.substr(0, std::min(line.find(':'), line.size()));
}

}  // namespace

std::vector<Event> Decoder::feed(std::string_view bytes, std::chrono::nanoseconds arrival) {
  std::vector<Event> out;
  if (finished_) return out;
  offset_ += bytes.size();
  if (!bom_checked_) {
    // WHATWG: one leading U+FEFF is stripped. Hold a BOM prefix until it is complete or broken.
    while (!bytes.empty() && bom_pending_.size() < kBom.size() &&
           bytes.front() == kBom[bom_pending_.size()]) {
      bom_pending_.push_back(bytes.front());
      bytes.remove_prefix(1);
    }
    if (bom_pending_.size() == kBom.size()) {
      bom_checked_ = true;
      scan_offset_ = line_start_ = kBom.size();
      bom_pending_.clear();
    } else if (bytes.empty()) {
      return out;  // still a possible BOM prefix
    } else {
      bom_checked_ = true;
      std::string held = std::exchange(bom_pending_, {});
      scan(held, arrival, out);
    }
  }
  scan(bytes, arrival, out);
  return out;
}

void Decoder::scan(std::string_view bytes, std::chrono::nanoseconds arrival, std::vector<Event>& out) {
  const std::size_t base = scan_offset_;
  scan_offset_ += bytes.size();
  std::size_t i = 0;
  if (last_was_cr_ && !bytes.empty()) {
    last_was_cr_ = false;
    if (bytes[0] == '\n') {  // the second half of a CRLF split across chunks
      i = 1;
      line_start_ = base + 1;
    }
  }
  // Next CR and LF positions are cached so each byte is searched once, whatever the line ends.
  const char* data = bytes.data();
  const std::size_t n = bytes.size();
  std::size_t next_lf = 0, next_cr = 0;
  bool lf_valid = false, cr_valid = false;
  while (i < n) {
    if (!lf_valid || next_lf < i) {
      const void* p = std::memchr(data + i, '\n', n - i);
      next_lf = p ? static_cast<std::size_t>(static_cast<const char*>(p) - data) : n;
      lf_valid = true;
    }
    if (!cr_valid || next_cr < i) {
      const void* p = std::memchr(data + i, '\r', n - i);
      next_cr = p ? static_cast<std::size_t>(static_cast<const char*>(p) - data) : n;
      cr_valid = true;
    }
    const std::size_t end = std::min(next_lf, next_cr);
    if (end == n) {
      line_.append(bytes.substr(i));
      break;
    }
    if (line_.empty()) {
      process_line(bytes.substr(i, end - i), line_start_, arrival, out);
    } else {
      line_.append(bytes.substr(i, end - i));
      process_line(line_, line_start_, arrival, out);
      line_.clear();
    }
    std::size_t next = end + 1;
    if (data[end] == '\r') {
      if (next < n) {
        if (data[next] == '\n') ++next;
      } else {
        last_was_cr_ = true;  // an LF opening the next chunk still belongs to this line end
      }
    }
    i = next;
    line_start_ = base + i;
  }
}

void Decoder::process_line(std::string_view raw, std::size_t line_offset,
                           std::chrono::nanoseconds arrival, std::vector<Event>& out) {
  std::string repaired;
  std::string_view line = raw;
  const std::size_t invalid = decode_utf8(raw, nullptr);
  if (invalid != std::string_view::npos) {
    decode_utf8(raw, &repaired);
    line = repaired;
    report_invalid_utf8(line_offset + invalid);
  }
  if (line.empty()) {
    dispatch(arrival, out);
    return;
  }
  if (line.front() == ':') {
    ++comments_;
    return;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) {
    process_field(line, {}, line_offset);
    return;
  }
  std::string_view value = line.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  process_field(line.substr(0, colon), value, line_offset);
}

void Decoder::process_field(std::string_view field, std::string_view value, std::size_t line_offset) {
  if (!is_known_field(field)) {
    if (std::find(unknown_fields_.begin(), unknown_fields_.end(), field) == unknown_fields_.end() &&
        unknown_fields_.size() < kMaxUnknownFieldReports) {
      unknown_fields_.emplace_back(field);
      add_finding("sse.unknown_field", Severity::info, line_offset,
                  "field " + quoted(field) + " is not event, data, id or retry; clients ignore it",
                  "use only the event and data fields (reference README §5)");
    }
    return;
  }
  if (!block_has_fields_) {
    block_has_fields_ = true;
    block_start_ = line_offset;
  }
  if (field == "event") {
    event_type_.assign(value);
  } else if (field == "data") {
    data_.append(value);
    data_.push_back('\n');
    ++data_lines_;
  } else if (field == "id") {
    if (value.find('\0') == std::string_view::npos) id_ = std::string(value);
  } else if (all_ascii_digits(value) && value.size() <= 18) {  // "retry"; 18 digits fit a long long
    long long v = 0;
    for (char c : value) v = v * 10 + (c - '0');
    retry_ = v;
  }
}

void Decoder::dispatch(std::chrono::nanoseconds arrival, std::vector<Event>& out) {
  if (!block_has_fields_) {
    reset_block();  // blank lines between events, or a comment-only block
    return;
  }
  const std::string fix =
      "put a data: line with the JSON payload in every event; openai-node and openai-python "
      "JSON-parse the data of every dispatched event (reference README §5 rule 5)";
  if (data_lines_ == 0) {
    // WHATWG: an empty data buffer is not dispatched, but the Python SDK dispatches a block with
    // event/id/retry fields and then parses "", and node does so for a named event.
    add_finding("sse.empty_data", Severity::error, block_start_,
                "event block" + (event_type_.empty() ? std::string() : " " + quoted(event_type_)) +
                    " has no data line; browsers drop it, SDKs try to JSON-parse \"\"",
                fix);
    reset_block();
    return;
  }
  Event ev;
  ev.type = std::move(event_type_);
  ev.data = std::move(data_);
  ev.data.pop_back();  // WHATWG: remove the data buffer's last "\n"
  ev.id = std::move(id_);
  ev.retry = retry_;
  ev.index = dispatched_;
  ev.byte_offset = block_start_;
  ev.data_lines = data_lines_;
  ev.arrival = arrival;
  if (ev.data.empty()) {
    add_finding("sse.empty_data", Severity::error, ev.byte_offset,
                "event" + (ev.type.empty() ? std::string() : " " + quoted(ev.type)) +
                    " is dispatched with empty data; SDKs JSON-parse \"\" and throw",
                fix);
  }
  if (ev.data_lines > 1) {
    add_finding("sse.multiline_data", Severity::warning, ev.byte_offset,
                "event data is spread over " + std::to_string(ev.data_lines) +
                    " data: lines; SDKs join them with \\n but naive parsers (the OpenResponses "
                    "compliance tester) read only one",
                "serialise each JSON payload on a single data: line (reference README §5 rule 1)");
  }
  out.push_back(std::move(ev));
  ++dispatched_;
  reset_block();
}

void Decoder::reset_block() {
  event_type_.clear();
  data_.clear();
  id_.reset();
  retry_.reset();
  block_has_fields_ = false;
  data_lines_ = 0;
}

void Decoder::finish() {
  if (finished_) return;
  if (!bom_checked_) {  // a stream that is nothing but a BOM prefix
    bom_checked_ = true;
    std::vector<Event> ignored;
    std::string held = std::exchange(bom_pending_, {});
    scan(held, {}, ignored);
  }
  finished_ = true;
  // WHATWG: at end of stream the pending line and the unfinished event block are discarded.
  std::size_t at = block_start_;
  bool inside_event = block_has_fields_;
  if (!line_.empty()) {
    const std::size_t invalid = decode_utf8(line_, nullptr);
    if (invalid != std::string_view::npos) report_invalid_utf8(line_start_ + invalid);
    if (!inside_event && line_.front() != ':' && is_known_field(field_name(line_))) {
      inside_event = true;
      at = line_start_;
    }
  }
  if (inside_event) {
    add_finding("sse.unterminated_event", Severity::error, at,
                "the stream ended inside an event that no blank line closed; clients discard it "
                "(WHATWG HTML 9.2.6)",
                "end every event, the last one included, with an empty line (\\n\\n) "
                "(reference README §5 rule 2)");
  }
  line_.clear();
  reset_block();
}

void Decoder::report_invalid_utf8(std::size_t byte) {
  if (utf8_reported_) return;  // once per stream: the first offset is what a server author needs
  utf8_reported_ = true;
  add_finding("sse.invalid_utf8", Severity::error, byte,
              "the stream is not valid UTF-8 (decoded with U+FFFD replacement characters)",
              "encode the event stream as UTF-8 (WHATWG HTML 9.2.5: text/event-stream is always "
              "UTF-8)");
}

void Decoder::add_finding(std::string id, Severity severity, std::size_t byte, std::string what,
                          std::string fix) {
  Finding f;
  f.id = std::move(id);
  f.severity = severity;
  f.location = "byte " + std::to_string(byte) + " (event " + std::to_string(dispatched_) + ")";
  f.what = std::move(what);
  f.fix = std::move(fix);
  findings_.push_back(std::move(f));
}

Decoded decode_all(std::string_view body) {
  Decoder decoder;
  Decoded result;
  result.events = decoder.feed(body);
  decoder.finish();
  result.findings = decoder.findings();
  result.comments = decoder.comments();
  return result;
}

}  // namespace siraya::core::sse
