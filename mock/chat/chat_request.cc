#include "mock/chat/chat_request.h"

#include <algorithm>

#include "mock/chat/attachments.h"
#include "mock/generation/hash.h"
#include "mock/generation/json_hash.h"
#include "mock/generation/token_counter.h"
#include "mock/json_text.h"
#include "mock/json_fields.h"

namespace siraya::mock::chat {
namespace {

using nlohmann::json;

// Prompt tokens, approximated the way OpenAI's cookbook counts chat prompts: the content of every
// message plus 3 tokens of framing per message and 3 to prime the reply (reference README §6
// leaves the gateway's exact rule unverified), plus each attachment's figure
// (mock/generation/attachment_tokens.h).
std::int64_t count_prompt(const json& messages, const std::vector<Tool>& tools) {
  std::size_t tokens = 3;
  for (const auto& m : messages) {
    tokens += 3 + generation::count_tokens(content_text(m));
    if (auto calls = m.find("tool_calls"); calls != m.end() && calls->is_array()) {
      for (const auto& c : *calls) {
        tokens += generation::count_tokens(c["function"]["name"].get<std::string>()) +
                  generation::count_tokens(c["function"]["arguments"].get<std::string>());
      }
    }
  }
  tokens += attachment_tokens(messages);
  for (const auto& t : tools) tokens += generation::count_tokens(t.name) + generation::count_tokens(to_json_text(t.parameters));
  return static_cast<std::int64_t>(tokens);
}

}  // namespace

std::string content_text(const json& message) {
  auto it = message.find("content");
  if (it == message.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  std::string out;
  if (it->is_array()) {
    for (const auto& part : *it) {
      if (part.is_object() && part.contains("type") && part["type"] == "text" && part.contains("text") &&
          part["text"].is_string()) {
        if (!out.empty()) out += "\n";
        out += part["text"].get<std::string>();
      }
    }
  }
  return out;
}

ChatRequest read_request(const json& body, std::uint64_t seed) {
  ChatRequest r;
  r.model = body["model"].get<std::string>();
  const json& messages = body["messages"];
  if (const json* v = field(body, "stream")) r.stream = v->get<bool>();
  if (const json* v = field(body, "stream_options")) {
    const json* usage = field(*v, "include_usage");
    r.include_usage = usage && usage->get<bool>();
  }
  for (const char* key : {"max_tokens", "max_completion_tokens"}) {
    if (const json* v = field(body, key)) {
      const auto limit = v->get<std::int64_t>();
      r.max_tokens = r.max_tokens ? std::min(*r.max_tokens, limit) : limit;
    }
  }
  if (const json* v = field(body, "stop")) {
    if (v->is_string()) {
      if (!v->get<std::string>().empty()) r.stop.push_back(v->get<std::string>());
    } else {
      for (const auto& s : *v) r.stop.push_back(s.get<std::string>());
    }
  }
  if (const json* v = field(body, "n")) r.n = static_cast<int>(v->get<std::int64_t>());
  if (const json* v = field(body, "tools")) {
    for (const auto& t : *v) {
      const json& fn = t["function"];
      const json* params = field(fn, "parameters");
      r.tools.push_back(Tool{fn["name"].get<std::string>(), params ? *params : json{{"type", "object"}}});
    }
  }
  // Defaults per §3.1: "none" without tools, "auto" with tools.
  r.tool_choice = r.tools.empty() ? ToolChoice::none : ToolChoice::automatic;
  if (const json* v = field(body, "tool_choice")) {
    if (v->is_string()) {
      const std::string mode = v->get<std::string>();
      r.tool_choice = mode == "none" ? ToolChoice::none : mode == "required" ? ToolChoice::required : ToolChoice::automatic;
    } else {
      r.tool_choice = ToolChoice::named;
      r.tool_choice_name = (*v)["function"]["name"].get<std::string>();
    }
  }
  if (r.tools.empty()) r.tool_choice = ToolChoice::none;
  if (const json* v = field(body, "parallel_tool_calls")) r.parallel_tool_calls = v->get<bool>();
  if (const json* v = field(body, "response_format")) {
    const std::string type = (*v)["type"].get<std::string>();
    if (type == "json_object") r.format = OutputFormat::json_object;
    if (type == "json_schema") {
      const json* schema = field((*v)["json_schema"], "schema");
      r.format = OutputFormat::json_schema;
      r.format_schema = schema ? *schema : json{{"type", "object"}};
    }
    if (type == "json") {  // legacy gateway form (§4): with a schema like json_schema
      const json* schema = field(*v, "schema");
      r.format = schema ? OutputFormat::json_schema : OutputFormat::json_object;
      if (schema) r.format_schema = *schema;
    }
  }
  const json& last = messages.back();
  const std::string last_role = last["role"].get<std::string>();
  if (last_role == "assistant") r.prefill = content_text(last);
  if (last_role == "user") r.last_user_text = content_text(last);
  // §2: tool results come back as "tool" messages, one per call.
  for (auto it = messages.rbegin(); it != messages.rend(); ++it) {
    if ((*it)["role"] != "tool") break;
    r.after_tool_result = true;
    const std::string text = content_text(*it);
    r.tool_result_text = r.tool_result_text.empty() ? text : text + "\n" + r.tool_result_text;
  }
  for (auto it = messages.rbegin(); it != messages.rend() && r.question_text.empty(); ++it) {
    if ((*it)["role"] == "user") r.question_text = content_text(*it);
  }
  r.prompt_tokens = count_prompt(messages, r.tools);

  // `seed` (§1, "best effort determinism") picks another answer, like the x-siraya-seed header.
  const json model = r.model;
  r.content_hash = generation::mix64(generation::fnv1a_object(
      {{"model", &model}, {"messages", &messages}, {"tools", field(body, "tools")}, {"tool_choice", field(body, "tool_choice")},
       {"response_format", field(body, "response_format")}, {"seed", field(body, "seed")}},
      generation::mix64(seed)));
  return r;
}

}  // namespace siraya::mock::chat
