// messages[] checks (chat-completions.md §2): a discriminated union on `role` with the content
// shapes of §2 and §2.1, and tool results that answer a preceding assistant tool call (§3.3).
#include <array>
#include <set>
#include <string>

#include "mock/chat/attachments.h"
#include "mock/chat/json_checks.h"
#include "mock/chat/validation.h"

namespace siraya::mock::chat {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 5> kRoles{"system", "developer", "user", "assistant", "tool"};
// §2.1; "input_video" is OpenRouter's legacy video tag, accepted alongside "video_url". Every part
// but text is an attachment (mock/chat/attachments.h).
constexpr std::array<std::string_view, 6> kUserParts{"text", "image_url", "file", "input_audio",
                                                     "video_url", "input_video"};

ApiError bad(std::string message, std::string param) { return invalid_request(std::move(message), std::move(param)); }

bool one_of(std::string_view v, const auto& list) {
  for (auto x : list) {
    if (x == v) return true;
  }
  return false;
}

std::string join(const auto& list) {
  std::string out;
  for (auto x : list) {
    if (!out.empty()) out += ", ";
    out += x;
  }
  return out;
}

// `{obj}.{key}` must be a string when present (required: must be present too).
std::optional<ApiError> need_string(const json& obj, const char* key, const std::string& at, bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (!required) return std::nullopt;
    return bad(at + "." + key + " is required", at + "." + key);
  }
  if (!it->is_string()) return bad(at + "." + key + " must be a string, " + got(*it), at + "." + key);
  return std::nullopt;
}

std::optional<ApiError> check_part(const json& part, const std::string& at, std::string_view role) {
  if (!part.is_object()) return bad(at + " must be an object, " + got(part), at);
  auto type_it = part.find("type");
  if (type_it == part.end() || !type_it->is_string()) return bad(at + ".type is required and must be a string", at + ".type");
  const std::string type = type_it->get<std::string>();
  const bool user = role == "user";
  const bool assistant = role == "assistant";
  if (type == "text") return need_string(part, "text", at, true);
  if (assistant && type == "refusal") return need_string(part, "refusal", at, true);
  if (!user || !one_of(type, kUserParts)) {
    const std::string allowed = user ? join(kUserParts) : assistant ? "text, refusal" : "text";
    return bad(at + ".type must be one of " + allowed + " in a " + std::string(role) + " message, got \"" + type + "\"",
               at + ".type");
  }
  generation::Attachment attachment;  // counted by read_request, not here
  return read_attachment(part, at, attachment);
}

// `content`: a string or a non-empty array of parts. `nullable`: assistant content may be null.
std::optional<ApiError> check_content(const json& message, const std::string& at, std::string_view role, bool required) {
  const std::string param = at + ".content";
  auto it = message.find("content");
  if (it == message.end() || it->is_null()) {
    if (required) return bad(param + " is required for " + std::string(role) + " messages", param);
    return std::nullopt;
  }
  if (it->is_string()) return std::nullopt;
  if (!it->is_array()) return bad(param + " must be a string or an array of content parts, " + got(*it), param);
  if (it->empty()) return bad(param + " must not be an empty array", param);
  for (std::size_t j = 0; j < it->size(); ++j) {
    if (auto e = check_part((*it)[j], param + "[" + std::to_string(j) + "]", role)) return e;
  }
  return std::nullopt;
}

std::optional<ApiError> check_tool_calls(const json& message, const std::string& at, std::set<std::string>& call_ids) {
  auto it = message.find("tool_calls");
  if (it == message.end() || it->is_null()) return std::nullopt;
  const std::string param = at + ".tool_calls";
  if (!it->is_array()) return bad(param + " must be an array, " + got(*it), param);
  for (std::size_t k = 0; k < it->size(); ++k) {
    const json& call = (*it)[k];
    const std::string cat = param + "[" + std::to_string(k) + "]";
    if (!call.is_object()) return bad(cat + " must be an object, " + got(call), cat);
    if (auto e = need_string(call, "id", cat, true)) return e;
    if (auto type = call.find("type"); type != call.end() && *type != "function") {
      return bad(cat + ".type must be \"function\"", cat + ".type");
    }
    auto fn = call.find("function");
    if (fn == call.end() || !fn->is_object()) return bad(cat + ".function must be an object", cat + ".function");
    if (auto e = need_string(*fn, "name", cat + ".function", true)) return e;
    if (auto e = need_string(*fn, "arguments", cat + ".function", true)) return e;
    call_ids.insert(call["id"].get<std::string>());
  }
  return std::nullopt;
}

std::optional<ApiError> check_message(const json& message, std::size_t i, std::set<std::string>& call_ids) {
  const std::string at = "messages[" + std::to_string(i) + "]";
  if (!message.is_object()) return bad(at + " must be an object, " + got(message), at);
  auto role_it = message.find("role");
  if (role_it == message.end() || role_it->is_null()) return bad(at + ".role is required", at + ".role");
  if (!role_it->is_string() || !one_of(role_it->get<std::string>(), kRoles)) {
    return bad(at + ".role must be one of " + join(kRoles) + ", " + got(*role_it), at + ".role");
  }
  const std::string role = role_it->get<std::string>();
  if (auto e = need_string(message, "name", at, false)) return e;
  if (role == "assistant") {
    if (auto e = check_content(message, at, role, false)) return e;
    if (auto e = check_tool_calls(message, at, call_ids)) return e;
    if (auto e = need_string(message, "refusal", at, false)) return e;
    const auto content = message.find("content");
    const bool has_content = content != message.end() && !content->is_null();
    const bool has_calls = message.contains("tool_calls") && !message["tool_calls"].is_null();
    if (!has_content && !has_calls) return bad(at + " needs content or tool_calls", at + ".content");
    return std::nullopt;
  }
  if (auto e = check_content(message, at, role, true)) return e;
  if (role == "tool") {
    if (auto e = need_string(message, "tool_call_id", at, true)) return e;
    const std::string id = message["tool_call_id"].get<std::string>();
    if (!call_ids.count(id)) {
      return bad(at + ".tool_call_id \"" + id + "\" does not match the id of any tool call in a preceding assistant message",
                 at + ".tool_call_id");
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<ApiError> validate_messages(const json& messages) {
  if (!messages.is_array()) return bad("messages must be an array of message objects, " + got(messages), "messages");
  if (messages.empty()) return bad("messages must contain at least one message", "messages");
  std::set<std::string> call_ids;  // ids of tool calls made by assistant messages so far
  for (std::size_t i = 0; i < messages.size(); ++i) {
    if (auto e = check_message(messages[i], i, call_ids)) return e;
  }
  return std::nullopt;
}

}  // namespace siraya::mock::chat
