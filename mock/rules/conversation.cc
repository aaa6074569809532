#include "mock/rules/conversation.h"

#include <map>

namespace siraya::mock::rules {
namespace {

using nlohmann::json;

// object[key], or null when `object` is not an object or lacks it (json::value throws).
const json& member(const json& object, const char* key) {
  static const json null_value;
  if (!object.is_object()) return null_value;
  auto it = object.find(key);
  return it != object.end() ? *it : null_value;
}

std::string string_at(const json& object, const char* key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The text of a content value: a string, or the text of its text parts joined with "\n".
// `part_types` are the part types that count as text in the dialect.
std::string text_of(const json& content, std::initializer_list<std::string_view> part_types) {
  if (content.is_string()) return content.get<std::string>();
  std::string out;
  if (!content.is_array()) return out;
  for (const auto& part : content) {
    if (!part.is_object()) continue;
    const std::string type = string_at(part, "type");
    for (auto t : part_types) {
      if (type == t) {
        if (!out.empty()) out += '\n';
        out += string_at(part, "text");
      }
    }
  }
  return out;
}

// Shared bookkeeping: results seen since the last assistant message.
struct Builder {
  Conversation c;
  std::map<std::string, std::string> call_names;  // call id -> tool name
  bool in_assistant_output = false;                // responses: inside a run of assistant items
  void assistant() {
    ++c.assistant_turns;
    c.tool_results.clear();
  }
  void user_text(std::string text) {
    if (!text.empty()) c.last_user_text = std::move(text);
  }
  void result(const std::string& call_id, std::string content) {
    auto it = call_names.find(call_id);
    c.tool_results.push_back(ToolResult{it == call_names.end() ? std::string() : it->second, std::move(content)});
  }
};

void read_chat(const json& body, Builder& b) {
  const json& messages = member(body, "messages");
  if (!messages.is_array()) return;
  for (const auto& m : messages) {
    const std::string role = string_at(m, "role");
    if (role == "user") b.user_text(text_of(member(m, "content"), {"text"}));
    if (role == "assistant") {
      b.assistant();
      if (member(m, "tool_calls").is_array()) {
        for (const auto& call : member(m, "tool_calls")) {
          b.call_names[string_at(call, "id")] = string_at(member(call, "function"), "name");
        }
      }
    }
    if (role == "tool") b.result(string_at(m, "tool_call_id"), text_of(member(m, "content"), {"text"}));
  }
  if (member(body, "tools").is_array()) {
    for (const auto& t : member(body, "tools")) b.c.tools.push_back(string_at(member(t, "function"), "name"));
  }
}

void read_responses(const json& body, Builder& b) {
  const json& input = member(body, "input");
  if (input.is_string()) b.user_text(input.get<std::string>());
  if (input.is_array()) {
    for (const auto& item : input) {
      if (!item.is_object()) continue;
      const std::string type = string_at(item, "type");
      const std::string role = string_at(item, "role");
      const bool is_message = type.empty() || type == "message";
      // One assistant turn is a run of output items (reasoning, an assistant message, function
      // calls): the model's items of one response come back together.
      const bool assistant_item = (is_message && role == "assistant") || type == "function_call" || type == "reasoning";
      if (assistant_item && !b.in_assistant_output) b.assistant();
      b.in_assistant_output = assistant_item;
      if (is_message && role == "user") {
        b.user_text(text_of(member(item, "content"), {"input_text", "text"}));
      } else if (type == "function_call") {
        b.call_names[string_at(item, "call_id")] = string_at(item, "name");
      } else if (type == "function_call_output") {
        const json& output = member(item, "output");
        b.result(string_at(item, "call_id"), output.is_string() ? output.get<std::string>()
                                                                : text_of(output, {"input_text", "output_text", "text"}));
      }
    }
  }
  if (member(body, "tools").is_array()) {
    for (const auto& t : member(body, "tools")) b.c.tools.push_back(string_at(t, "name"));
  }
}

void read_messages(const json& body, Builder& b) {
  const json& messages = member(body, "messages");
  if (!messages.is_array()) return;
  for (const auto& m : messages) {
    const std::string role = string_at(m, "role");
    const json& content = member(m, "content");
    if (role == "assistant") {
      b.assistant();
      if (content.is_array()) {
        for (const auto& block : content) {
          if (string_at(block, "type") == "tool_use") b.call_names[string_at(block, "id")] = string_at(block, "name");
        }
      }
    }
    if (role == "user") {
      if (content.is_array()) {
        for (const auto& block : content) {
          if (string_at(block, "type") != "tool_result") continue;
          const json& result = member(block, "content");
          b.result(string_at(block, "tool_use_id"), text_of(result, {"text"}));
        }
      }
      b.user_text(text_of(content, {"text"}));
    }
  }
  if (member(body, "tools").is_array()) {
    for (const auto& t : member(body, "tools")) b.c.tools.push_back(string_at(t, "name"));
  }
}

}  // namespace

Conversation read_conversation(std::string_view endpoint, const nlohmann::json& body) {
  Builder b;
  if (!body.is_object()) return b.c;
  b.c.model = string_at(body, "model");
  b.c.stream = member(body, "stream").is_boolean() && member(body, "stream").get<bool>();
  if (endpoint == "chat_completions") read_chat(body, b);
  if (endpoint == "responses") read_responses(body, b);
  if (endpoint == "messages") read_messages(body, b);
  return std::move(b.c);
}

}  // namespace siraya::mock::rules
