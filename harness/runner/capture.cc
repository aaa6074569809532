#include "harness/runner/capture.h"

#include "core/json/bounded_parse.h"
#include "harness/suite/json_path.h"

namespace siraya::harness {

namespace {

using nlohmann::json;

std::string as_text(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

std::optional<std::string> from_json(const json& root, const std::string& pointer) {
  auto path = JsonPath::parse(pointer);  // syntax checked by the loader
  if (!path) return std::nullopt;
  const json* v = path->find_one(root);
  return v != nullptr ? std::optional(as_text(*v)) : std::nullopt;
}

bool is_event(const core::sse::Event& e, const std::string& name, json& data) {
  data = core::json::parse_bounded(e.data);
  if (!e.type.empty()) return e.type == name;
  return data.is_object() && data.contains("type") && data["type"] == name;
}

}  // namespace

core::Findings take_captures(const Step& step, const StepVerdict& verdict, const core::http::Response& response,
                             Variables& into) {
  core::Findings out;
  for (const auto& c : step.captures) {
    std::optional<std::string> value;
    std::string where;
    switch (c.source) {
      case Capture::Source::body:
        where = "body#" + c.pointer;
        if (verdict.target) value = from_json(*verdict.target, c.pointer);
        break;
      case Capture::Source::header:
        where = "header " + c.header;
        value = response.header(c.header);
        break;
      case Capture::Source::event: {
        where = "event " + c.event + (c.pointer.empty() ? "" : " #" + c.pointer);
        json data;
        for (const auto& e : verdict.events) {
          if (!is_event(e, c.event, data)) continue;
          if (c.pointer.empty()) value = e.data;
          else if (!data.is_discarded()) value = from_json(data, c.pointer);
          break;
        }
        break;
      }
    }
    if (value) {
      into.set(c.name, std::move(*value));
      continue;
    }
    out.push_back({"capture.missing", core::Severity::error, where,
                   "capture \"" + c.name + "\" found nothing at " + where + ", so the later steps cannot run",
                   "the response must carry the value the capture at " + c.location + " names"});
  }
  return out;
}

}  // namespace siraya::harness
