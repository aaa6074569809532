#include "mock/messages/messages_request.h"

#include <algorithm>
#include <set>

#include "mock/catalog/model_check.h"
#include "mock/chat/json_checks.h"
#include "mock/generation/hash.h"
#include "mock/generation/json_hash.h"
#include "mock/generation/token_counter.h"
#include "mock/json_text.h"
#include "mock/json_fields.h"
#include "mock/messages/attachments.h"

namespace siraya::mock::messages {
namespace {

using nlohmann::json;

ApiError bad(std::string message, std::string param) { return invalid_request(std::move(message), std::move(param)); }

// The text a block contributes to the prompt (and to a prefill or the last user turn).
std::string block_text(const json& block) {
  const std::string type = string_or(block, "type");
  if (type == "text") return string_or(block, "text");
  if (type == "tool_use") return string_or(block, "name") + " " + to_json_text(block.value("input", json::object()));
  if (type == "tool_result") {
    const json* content = field(block, "content");
    if (!content) return {};
    if (content->is_string()) return content->get<std::string>();
    std::string out;
    if (content->is_array()) {
      for (const auto& part : *content) {
        const std::string part_type = string_or(part, "type");
        if (part_type != "image" && part_type != "document") out += (out.empty() ? "" : "\n") + block_text(part);
      }
    }
    return out;
  }
  return {};
}

// Text blocks only: what a prefill continues and what "auto" tool choice looks at.
std::string text_of(const json& content) {
  if (content.is_string()) return content.get<std::string>();
  std::string out;
  for (const auto& block : content) {
    if (string_or(block, "type") == "text") out += (out.empty() ? "" : "\n") + string_or(block, "text");
  }
  return out;
}

std::string message_param(std::size_t i) { return "messages[" + std::to_string(i) + "]"; }

std::optional<ApiError> check_required(const json& body, const Catalog& catalog) {
  if (auto e = resolve_model(body, catalog, "/v1/messages").error) return e;
  const json* max_tokens = field(body, "max_tokens");
  if (!max_tokens) return bad("Missing required parameter: max_tokens (the most tokens to generate, at least 1)", "max_tokens");
  const bool below_one = max_tokens->is_number_integer() && !max_tokens->is_number_unsigned() &&
                         max_tokens->get<std::int64_t>() < 1;
  if (!max_tokens->is_number_integer() || below_one) {
    return bad("max_tokens must be an integer of at least 1, " + chat::got(*max_tokens), "max_tokens");
  }
  const json* messages = field(body, "messages");
  if (!messages) return bad("Missing required parameter: messages", "messages");
  if (messages->is_array() && messages->empty()) return bad("messages must contain at least one message", "messages");
  return std::nullopt;
}

// messages.md §3: the conversation starts with a user turn (system-role messages, accepted
// leniently, aside); tool_use blocks come from the assistant; a tool_result answers a tool_use
// of the assistant turn just before it.
std::optional<ApiError> check_turns(const json& messages) {
  if (!messages.is_array()) return std::nullopt;
  bool seen_turn = false;
  std::set<std::string> open_calls;  // tool_use ids of the latest assistant turn
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const json& m = messages[i];
    const std::string role = string_or(m, "role");
    if (role != "user" && role != "assistant") continue;  // system, or a shape error for the schema
    if (!seen_turn && role != "user") {
      return bad("The first message must use the \"user\" role (put system text in the top-level system field)",
                 message_param(i) + ".role");
    }
    seen_turn = true;
    const json* content = field(m, "content");
    if (role == "assistant") open_calls.clear();
    if (!content || !content->is_array()) continue;
    for (std::size_t j = 0; j < content->size(); ++j) {
      const json& block = (*content)[j];
      const std::string type = string_or(block, "type");
      const std::string param = message_param(i) + ".content[" + std::to_string(j) + "]";
      if (type == "tool_use") {
        if (role != "assistant") return bad("tool_use blocks may only appear in assistant messages", param);
        open_calls.insert(string_or(block, "id"));
      }
      if (type == "tool_result") {
        if (role != "user") return bad("tool_result blocks may only appear in user messages", param);
        const std::string id = string_or(block, "tool_use_id");
        if (!open_calls.count(id)) {
          return bad("tool_result.tool_use_id \"" + id + "\" does not match a tool_use block of the preceding assistant message",
                     param + ".tool_use_id");
        }
      }
    }
  }
  const bool only_system = std::all_of(messages.begin(), messages.end(),
                                       [](const json& m) { return string_or(m, "role") == "system"; });
  if (!messages.empty() && only_system) {
    return bad("messages holds only system-role messages; add a \"user\" message to start the conversation", "messages");
  }
  return std::nullopt;
}

std::optional<ApiError> check_tool_choice(const json& body) {
  std::set<std::string> names;
  if (const json* tools = field(body, "tools"); tools && tools->is_array()) {
    for (const auto& t : *tools) names.insert(string_or(t, "name"));
  }
  const json* choice = field(body, "tool_choice");
  if (!choice || !choice->is_object()) return std::nullopt;
  const std::string type = string_or(*choice, "type");
  if ((type == "any" || type == "tool") && names.empty()) {
    return bad("tool_choice {\"type\":\"" + type + "\"} needs tools, but no tools were given", "tool_choice");
  }
  if (type == "tool" && !names.count(string_or(*choice, "name"))) {
    return bad("tool_choice names the tool \"" + string_or(*choice, "name") + "\", which is not in tools", "tool_choice.name");
  }
  return std::nullopt;
}

// messages.md §2: 1024 <= budget_tokens < max_tokens.
std::optional<ApiError> check_thinking(const json& body) {
  const json* thinking = field(body, "thinking");
  if (!thinking || string_or(*thinking, "type") != "enabled") return std::nullopt;
  const json* budget = field(*thinking, "budget_tokens");
  if (!budget) return bad("thinking.budget_tokens is required when thinking is enabled", "thinking.budget_tokens");
  if (!budget->is_number_integer()) return bad("thinking.budget_tokens must be an integer, " + chat::got(*budget), "thinking.budget_tokens");
  const std::int64_t max_tokens = body["max_tokens"].get<std::int64_t>();
  const std::int64_t value = budget->is_number_unsigned() && budget->get<std::uint64_t>() > INT64_MAX ? INT64_MAX
                                                                                                     : budget->get<std::int64_t>();
  if (value < 1024 || value >= max_tokens) {
    return bad("thinking.budget_tokens must be at least 1024 and less than max_tokens (" + std::to_string(max_tokens) +
                   "), " + chat::got(*budget),
               "thinking.budget_tokens");
  }
  return std::nullopt;
}

}  // namespace

std::optional<ApiError> validate_request(const json& body, const Catalog& catalog) {
  if (auto e = check_required(body, catalog)) return e;
  if (auto e = check_turns(body["messages"])) return e;
  if (auto e = check_attachments(body["messages"])) return e;
  if (auto e = check_tool_choice(body)) return e;
  if (auto e = check_thinking(body)) return e;
  return std::nullopt;
}

MessagesRequest read_request(const json& body, std::uint64_t seed) {
  MessagesRequest out;
  chat::ChatRequest& r = out.generation;
  r.model = body["model"].get<std::string>();
  out.max_tokens = body["max_tokens"].get<std::int64_t>();
  if (const json* v = field(body, "stream")) out.stream = v->get<bool>();
  if (const json* v = field(body, "stop_sequences")) {
    for (const auto& s : *v) {
      if (!s.get<std::string>().empty()) out.stop_sequences.push_back(s.get<std::string>());
    }
  }
  if (const json* v = field(body, "thinking"); v && string_or(*v, "type") == "enabled") {
    out.thinking_budget = (*v)["budget_tokens"].get<std::int64_t>();
  }

  std::size_t tokens = 3;
  if (const json* system = field(body, "system")) tokens += 3 + generation::count_tokens(text_of(*system));
  const json& messages = body["messages"];
  for (const auto& m : messages) {
    const json& content = m["content"];
    std::string text;
    if (content.is_string()) {
      text = content.get<std::string>();
    } else {
      for (const auto& block : content) {
        // Images and documents count by their own rule (attachment_tokens below).
        const std::string type = string_or(block, "type");
        if (type != "image" && type != "document") text += block_text(block) + "\n";
      }
    }
    tokens += 3 + generation::count_tokens(text);
  }
  tokens += attachment_tokens(messages);
  // The last turn: system-role messages after it (Claude Code's environment block) aside.
  auto last_turn = std::find_if(messages.rbegin(), messages.rend(), [](const json& m) { return m["role"] != "system"; });
  const json& last = last_turn != messages.rend() ? *last_turn : messages.back();
  const std::string last_role = last["role"].get<std::string>();
  if (last_role == "assistant") r.prefill = text_of(last["content"]);
  if (last_role == "user") r.last_user_text = text_of(last["content"]);
  if (last_role == "user" && last["content"].is_array()) {
    for (const auto& block : last["content"]) {
      if (string_or(block, "type") != "tool_result") continue;
      r.after_tool_result = true;
      const std::string result = block_text(block);
      r.tool_result_text += (r.tool_result_text.empty() ? "" : "\n") + result;
    }
  }
  for (auto it = messages.rbegin(); it != messages.rend() && r.question_text.empty(); ++it) {
    if ((*it)["role"] == "user") r.question_text = text_of((*it)["content"]);
  }

  if (const json* tools = field(body, "tools")) {
    for (const auto& t : *tools) {
      r.tools.push_back(chat::Tool{t["name"].get<std::string>(), t["input_schema"]});
      tokens += generation::count_tokens(r.tools.back().name) + generation::count_tokens(to_json_text(t["input_schema"]));
    }
  }
  r.prompt_tokens = static_cast<std::int64_t>(tokens);
  r.tool_choice = chat::ToolChoice::automatic;
  if (const json* v = field(body, "tool_choice")) {
    const std::string type = string_or(*v, "type");
    if (type == "none") r.tool_choice = chat::ToolChoice::none;
    if (type == "any") r.tool_choice = chat::ToolChoice::required;
    if (type == "tool") {
      r.tool_choice = chat::ToolChoice::named;
      r.tool_choice_name = string_or(*v, "name");
    }
    if (const json* d = field(*v, "disable_parallel_tool_use")) r.parallel_tool_calls = !d->get<bool>();
  }
  if (r.tools.empty()) r.tool_choice = chat::ToolChoice::none;

  // Everything generated derives from this hash; max_tokens and stop_sequences only cut the
  // answer, so they are left out. messages.md documents no `seed` parameter.
  const json dialect = "messages", model = r.model;
  r.content_hash = generation::mix64(generation::fnv1a_object(
      {{"dialect", &dialect}, {"model", &model}, {"messages", &messages}, {"system", field(body, "system")},
       {"tools", field(body, "tools")}, {"tool_choice", field(body, "tool_choice")}, {"thinking", field(body, "thinking")}},
      generation::mix64(seed)));
  return out;
}

}  // namespace siraya::mock::messages
