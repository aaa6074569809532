#include <algorithm>

#include "core/sse/decoder.h"
#include "harness/checks/checks.h"

namespace siraya::harness {

SseFraming check_sse_framing(const core::http::Response& response) {
  SseFraming out;
  auto content_type = response.header("content-type").value_or("");
  std::string lowered = content_type;
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lowered.substr(0, lowered.find(';')).find("text/event-stream") == std::string::npos) {
    out.findings.push_back({"sse.content_type", core::Severity::error, "header content-type",
                            content_type.empty() ? "missing" : "\"" + content_type + "\" is not text/event-stream",
                            "answer a stream: true request with Content-Type: text/event-stream (reference README §3)"});
  }
  core::sse::Decoder decoder;
  // Decode the chunks as they arrived, so events carry arrival times; a buffered response is one chunk.
  if (response.chunks.empty()) {
    auto events = decoder.feed(response.body, response.total);
    out.events.insert(out.events.end(), events.begin(), events.end());
  } else {
    for (const auto& chunk : response.chunks) {
      auto events = decoder.feed(chunk.bytes, chunk.arrival);
      out.events.insert(out.events.end(), std::make_move_iterator(events.begin()), std::make_move_iterator(events.end()));
    }
  }
  decoder.finish();
  out.findings.insert(out.findings.end(), decoder.findings().begin(), decoder.findings().end());
  out.comments = decoder.comments();
  return out;
}

}  // namespace siraya::harness
