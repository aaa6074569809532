// The SSE decoder (core/sse/decoder.h) on arbitrary bytes. Invariants: chunk boundaries do not
// change what is decoded (the same events and findings whether the body arrives at once or in
// pieces, WHATWG "any chunk boundaries"), and every dispatched event survives the mock's encoder:
// encoding its type and single-line data and decoding that again gives the same event.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/sse/decoder.h"
#include "core/sse/encoder.h"
#include "fuzz/fuzz_support.h"

namespace {

using siraya::core::sse::Decoded;
using siraya::core::sse::Decoder;
using siraya::core::sse::Event;

bool same_event(const Event& a, const Event& b) {
  return a.type == b.type && a.data == b.data && a.id == b.id && a.retry == b.retry && a.index == b.index &&
         a.byte_offset == b.byte_offset && a.data_lines == b.data_lines;
}

std::string describe(const Event& e) {
  return "event #" + std::to_string(e.index) + " at " + std::to_string(e.byte_offset) + " type=\"" + e.type +
         "\" data=\"" + e.data + "\"";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace siraya;
  const std::string_view body = fuzz::as_text(data, size);
  const Decoded whole = core::sse::decode_all(body);

  // The same bytes in chunks whose lengths cycle through 1..7 (every split point is tried by
  // some input, CR/LF pairs and BOM prefixes included).
  Decoder decoder;
  std::vector<Event> pieces;
  std::size_t at = 0;
  for (std::size_t step = 1; at < body.size(); step = step % 7 + 1) {
    const std::size_t n = std::min(step, body.size() - at);
    for (auto& e : decoder.feed(body.substr(at, n))) pieces.push_back(std::move(e));
    at += n;
  }
  decoder.finish();
  fuzz::require(pieces.size() == whole.events.size(), "chunking changed the number of events",
                std::to_string(whole.events.size()) + " whole vs " + std::to_string(pieces.size()) + " chunked");
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    fuzz::require(same_event(pieces[i], whole.events[i]), "chunking changed an event",
                  describe(whole.events[i]) + "\nvs\n" + describe(pieces[i]));
  }
  fuzz::require(decoder.findings().size() == whole.findings.size(), "chunking changed the findings");
  for (std::size_t i = 0; i < whole.findings.size(); ++i) {
    fuzz::require(decoder.findings()[i].to_string() == whole.findings[i].to_string(), "chunking changed a finding",
                  whole.findings[i].to_string() + "\nvs\n" + decoder.findings()[i].to_string());
  }
  fuzz::require(decoder.comments() == whole.comments, "chunking changed the comment count");
  fuzz::require(decoder.bytes_seen() == body.size(), "bytes_seen differs from the bytes fed");

  // The encoder writes one data: line per event: only single-line data round-trips.
  for (const Event& e : whole.events) {
    if (e.data.find_first_of("\r\n") != std::string::npos || e.type.find_first_of("\r\n") != std::string::npos) {
      continue;
    }
    const Decoded again = core::sse::decode_all(core::sse::encode(e.data, e.type));
    fuzz::require(again.events.size() == 1, "an encoded event does not decode to one event", describe(e));
    fuzz::require(again.events[0].data == e.data && again.events[0].type == e.type,
                  "an encoded event decodes differently", describe(e) + "\nvs\n" + describe(again.events[0]));
  }
  return 0;
}
