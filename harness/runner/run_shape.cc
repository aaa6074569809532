#include "harness/runner/run_shape.h"

#include <algorithm>

#include "harness/coverage/stream_kinds.h"
#include "harness/runner/step_judge.h"

namespace siraya::harness {

namespace {

using nlohmann::json;

std::string text_of(const json& v) { return v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump(); }

// The value at `key` of an object, as text ("" when absent or null).
std::string field(const json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it == object.end() ? "" : text_of(*it);
}

// The items of `array_key` whose "type" is `type`, with the name at `name_key`.
void add_typed_tools(const json& o, const char* array_key, const char* type, std::vector<PointedValue>& tools) {
  auto items = o.find(array_key);
  if (items == o.end() || !items->is_array()) return;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const json& item = (*items)[i];
    if (field(item, "type") != type) continue;
    tools.push_back({"/" + std::string(array_key) + "/" + std::to_string(i) + "/name", field(item, "name")});
  }
}

}  // namespace

AnswerShape answer_shape(std::string_view endpoint, const json& o) {
  AnswerShape s;
  if (!o.is_object()) return s;
  s.model = field(o, "model");
  if (endpoint == "chat_completions") {
    auto choices = o.find("choices");
    if (choices == o.end() || !choices->is_array()) return s;
    for (std::size_t i = 0; i < choices->size(); ++i) {
      const json& choice = (*choices)[i];
      if (!choice.is_object()) continue;
      const std::string at = "/choices/" + std::to_string(i);
      s.endings.push_back({at + "/finish_reason", field(choice, "finish_reason")});
      const json::json_pointer calls("/message/tool_calls");
      if (!choice.contains(calls) || !choice.at(calls).is_array()) continue;
      const json& list = choice.at(calls);
      for (std::size_t j = 0; j < list.size(); ++j) {
        const json& fn = list[j].is_object() && list[j].contains("function") ? list[j]["function"] : json();
        s.tools.push_back({at + "/message/tool_calls/" + std::to_string(j) + "/function/name", field(fn, "name")});
      }
    }
  } else if (endpoint == "responses") {
    s.endings.push_back({"/status", field(o, "status")});
    if (auto details = o.find("incomplete_details"); details != o.end()) s.incomplete_reason = field(*details, "reason");
    add_typed_tools(o, "output", "function_call", s.tools);
  } else if (endpoint == "messages") {
    s.endings.push_back({"/stop_reason", field(o, "stop_reason")});
    add_typed_tools(o, "content", "tool_use", s.tools);
  }
  return s;
}

std::vector<std::string> event_shape(core::StreamDialect dialect, const std::vector<core::sse::Event>& events) {
  std::vector<std::string> out;
  auto add = [&](std::string kind) {
    if (out.empty() || out.back() != kind) out.push_back(std::move(kind));
  };
  for (const auto& event : events) {
    if (event.data == "[DONE]") {
      add("[DONE]");
      continue;
    }
    auto kinds = event_kinds(dialect, event);
    // A chat chunk that carries none of the kinds (an empty delta) is left out; data that is
    // not JSON at all is an event of its own.
    if (kinds.empty() && !json::accept(event.data)) add("(not JSON)");
    for (auto& k : kinds) add(std::move(k));
  }
  return out;
}

StepShape step_shape(std::string_view endpoint, int status, const StepVerdict& verdict) {
  StepShape s;
  s.status = status;
  s.streamed = verdict.dialect != core::StreamDialect::none;
  if (s.streamed) s.events = event_shape(verdict.dialect, verdict.events);
  if (status >= 200 && status < 300 && verdict.target) s.answer = answer_shape(endpoint, *verdict.target);
  return s;
}

std::string join_values(const std::vector<PointedValue>& values) {
  if (values.empty()) return "none";
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v.value;
  return out;
}

bool same_values(const std::vector<PointedValue>& a, const std::vector<PointedValue>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const PointedValue& x, const PointedValue& y) { return x.value == y.value; });
}

}  // namespace siraya::harness
