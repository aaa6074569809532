#include "harness/runner/parity.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "core/endpoints.h"

namespace siraya::harness {

namespace {

using nlohmann::json;

std::string text_at(const json& object, const json::json_pointer& pointer) {
  if (!object.contains(pointer)) return "";
  const json& v = object.at(pointer);
  return v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump();
}

struct Shape {
  std::string model;
  std::string ending;  // finish_reason of the first choice, responses status, stop_reason
  std::vector<std::string> tools;  // tool names in call order
};

Shape shape_of(std::string_view endpoint, const json& o) {
  Shape s;
  s.model = text_at(o, json::json_pointer("/model"));
  if (endpoint == "chat_completions") {
    s.ending = text_at(o, json::json_pointer("/choices/0/finish_reason"));
    const json::json_pointer calls("/choices/0/message/tool_calls");
    if (o.contains(calls) && o.at(calls).is_array()) {
      for (const json& c : o.at(calls)) s.tools.push_back(text_at(c, json::json_pointer("/function/name")));
    }
  } else if (endpoint == "responses") {
    s.ending = text_at(o, json::json_pointer("/status"));
    if (o.contains("output") && o["output"].is_array()) {
      for (const json& item : o["output"]) {
        if (text_at(item, json::json_pointer("/type")) == "function_call") {
          s.tools.push_back(text_at(item, json::json_pointer("/name")));
        }
      }
    }
  } else if (endpoint == "messages") {
    s.ending = text_at(o, json::json_pointer("/stop_reason"));
    if (o.contains("content") && o["content"].is_array()) {
      for (const json& block : o["content"]) {
        if (text_at(block, json::json_pointer("/type")) == "tool_use") {
          s.tools.push_back(text_at(block, json::json_pointer("/name")));
        }
      }
    }
  }
  return s;
}

std::string join(const std::vector<std::string>& names) {
  if (names.empty()) return "none";
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

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
  const std::string path = prepared.request.path.substr(0, prepared.request.path.find('?'));
  const core::Endpoint* endpoint = core::find_endpoint_by_path("/v1" + path);
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
  const Shape a = shape_of(endpoint, original);
  const Shape b = shape_of(endpoint, twin);
  const std::string modes = original_streamed ? "streamed, then buffered" : "buffered, then streamed";
  auto differ = [&](const std::string& what, const std::string& x, const std::string& y, const std::string& fix) {
    findings.push_back({"parity.mismatch", core::Severity::error, "parity",
                        what + " differs between the two modes (" + modes + "): " + x + " vs " + y, fix});
  };
  if (a.model != b.model) {
    differ("the model", "\"" + a.model + "\"", "\"" + b.model + "\"", "report the same model whether or not the answer streams");
  }
  if (a.ending != b.ending) {
    differ(endpoint == "responses" ? "the status" : endpoint == "messages" ? "stop_reason" : "finish_reason",
           "\"" + a.ending + "\"", "\"" + b.ending + "\"",
           "end both modes the same way: the stream's final object must match the buffered answer");
  }
  if (a.tools != b.tools) {
    differ("the tool calls", join(a.tools), join(b.tools), "call the same tools in both modes");
  }
  return findings;
}

}  // namespace siraya::harness
