#include "harness/coverage/stream_kinds.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/json/bounded_parse.h"

namespace siraya::harness {

namespace {

using nlohmann::json;

bool has_non_null(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && !it->is_null();
}

std::vector<std::string> chat_chunk_kinds(const json& chunk) {
  std::vector<std::string> out;
  auto add = [&](std::string_view kind) {
    if (std::find(out.begin(), out.end(), kind) == out.end()) out.emplace_back(kind);
  };
  if (has_non_null(chunk, "error")) add("error");
  if (auto choices = chunk.find("choices"); choices != chunk.end() && choices->is_array()) {
    for (const auto& choice : *choices) {
      if (!choice.is_object()) continue;
      if (auto delta = choice.find("delta"); delta != choice.end() && delta->is_object()) {
        if (auto role = delta->find("role"); role != delta->end() && role->is_string()) add("role");
        if (auto content = delta->find("content"); content != delta->end() && content->is_string() &&
                                                   !content->get_ref<const std::string&>().empty()) {
          add("content");
        }
        if (auto calls = delta->find("tool_calls"); calls != delta->end() && calls->is_array() && !calls->empty()) {
          add("tool_calls");
        }
      }
      if (has_non_null(choice, "finish_reason")) add("finish");
    }
  }
  if (auto usage = chunk.find("usage"); usage != chunk.end() && usage->is_object()) add("usage");
  return out;
}

}  // namespace

std::vector<std::string> event_kinds(core::StreamDialect dialect, const core::sse::Event& event) {
  if (dialect == core::StreamDialect::none || event.data == "[DONE]") return {};
  const json data = core::json::parse_bounded(event.data);
  if (dialect == core::StreamDialect::chat) {
    auto kinds = data.is_object() ? chat_chunk_kinds(data) : std::vector<std::string>{};
    // An error chunk may also come as `event: error` (chat-completions.md §8.6).
    if (event.type == "error" && std::find(kinds.begin(), kinds.end(), "error") == kinds.end()) kinds.emplace_back("error");
    return kinds;
  }
  if (data.is_object()) {
    if (auto type = data.find("type"); type != data.end() && type->is_string()) return {type->get<std::string>()};
  }
  if (!event.type.empty()) return {event.type};
  return {};
}

std::vector<std::string> stream_kinds(core::StreamDialect dialect, const std::vector<core::sse::Event>& events) {
  std::vector<std::string> out;
  for (const auto& event : events) {
    for (auto& kind : event_kinds(dialect, event)) {
      if (std::find(out.begin(), out.end(), kind) == out.end()) out.push_back(std::move(kind));
    }
  }
  return out;
}

}  // namespace siraya::harness
