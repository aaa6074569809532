#include "harness/runner/parity.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "core/endpoints.h"
#include "harness/runner/run_shape.h"

namespace siraya::harness {

using nlohmann::json;

std::optional<ParityTwin> parity_twin(const Step& step, const PreparedStep& prepared) {
  if (step.expect.stream || !prepared.body || !prepared.body->is_object()) return std::nullopt;
  // Only answers are compared: a request that must be rejected may be rejected for its stream
  // flag alone.
  if (step.expect.status < 200 || step.expect.status >= 300) return std::nullopt;
  // The mock's control header (docs/faults.md) shapes one mode on purpose (interval= streams only).
  for (const auto& [name, value] : prepared.request.headers) {
    if (name.size() == 13 && std::equal(name.begin(), name.end(), "x-siraya-mock",
                                        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; })) {
      return std::nullopt;
    }
  }
  const core::Endpoint* endpoint = endpoint_for(prepared.request.path);
  if (endpoint == nullptr || endpoint->dialect == core::StreamDialect::none) return std::nullopt;
  PreparedStep twin = prepared;
  json& body = *twin.body;
  const bool streamed = body.contains("stream") && body["stream"] == true;
  if (streamed) {
    body.erase("stream");
    body.erase("stream_options");
  } else {
    body["stream"] = true;
  }
  twin.request.body = body.dump();
  twin.assertions.clear();
  return ParityTwin{std::move(twin), endpoint->name};
}

Step parity_step(const Step& step, int status) {
  Step twin;
  twin.name = step.name;
  twin.request = step.request;
  twin.expect.status = status;
  twin.location = step.location;
  return twin;
}

core::Findings compare_parity(std::string_view endpoint, const json& original, const json& twin, bool original_streamed) {
  core::Findings findings;
  const AnswerShape a = answer_shape(endpoint, original);
  const AnswerShape b = answer_shape(endpoint, twin);
  const std::string modes = original_streamed ? "streamed, then buffered" : "buffered, then streamed";
  auto differ = [&](const std::string& what, const std::string& x, const std::string& y, const std::string& fix) {
    findings.push_back({"parity.mismatch", core::Severity::error, "parity",
                        what + " differs between the two modes (" + modes + "): " + x + " vs " + y, fix});
  };
  if (a.model != b.model) {
    differ("the model", "\"" + a.model + "\"", "\"" + b.model + "\"", "report the same model whether or not the answer streams");
  }
  if (a.endings != b.endings) {
    differ(endpoint == "responses" ? "the status" : endpoint == "messages" ? "stop_reason" : "finish_reason",
           "\"" + join_values(a.endings) + "\"", "\"" + join_values(b.endings) + "\"",
           "end both modes the same way: the stream's final object must match the buffered answer");
  }
  if (!same_values(a.tools, b.tools)) {
    differ("the tool calls", join_values(a.tools), join_values(b.tools), "call the same tools in both modes");
  }
  return findings;
}

}  // namespace siraya::harness
