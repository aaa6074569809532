#pragma once
// A response plan: everything the mock will send for one request, decided before the first byte
// is written (design.md, "One request through the mock", steps 5-8). Strict mode validates it and
// fault injection transforms it; the transport only writes it out.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace siraya::mock {

struct ResponsePlan {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, e.g. Allow

  // streaming == false: the buffered body. streaming == true: `events` are written in order
  // through a chunked body, each event in one write (reference README §5 rule 7).
  bool streaming = false;
  std::string body;
  std::vector<std::string> events;  // encoded SSE frames (core/sse/encoder.h)

  // Schema ids (schemas/...) the body, and each event's JSON data, must satisfy; checked in
  // strict mode. Empty: nothing to check.
  std::string_view body_schema;
  std::string_view event_schema;
};

}  // namespace siraya::mock
