#include "mock/chat/answer.h"

#include <algorithm>
#include <cctype>

#include "mock/generation/hash.h"
#include "mock/generation/ids.h"
#include "mock/generation/json_instance.h"
#include "mock/generation/text.h"
#include "mock/generation/token_counter.h"
#include "mock/json_text.h"

namespace siraya::mock::chat {
namespace {

using generation::Rng;

// JSON text of an instance of `schema`. The endpoints checked the request's schemas
// (generation::check_request_schemas), so generation succeeds; the empty object is unreachable.
std::string instance_text(const nlohmann::json& schema, Rng& rng) {
  auto instance = generation::generate_instance(schema, rng);
  return to_json_text(instance ? *instance : nlohmann::json::object());
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The offered tools that the user's last message names (case-insensitively), in offered order.
std::vector<const Tool*> named_in_last_message(const ChatRequest& r) {
  std::vector<const Tool*> out;
  const std::string text = lower(r.last_user_text);
  if (text.empty()) return out;
  for (const auto& t : r.tools) {
    if (text.find(lower(t.name)) != std::string::npos) out.push_back(&t);
  }
  return out;
}

// The tools to call, in order; empty for a text answer. "auto" calls the tools the user's last
// message names, so agent loops end once the tool results have been sent back; "required" calls
// those too, or one drawn at random when it names none. Without parallel calls
// (chat-completions.md §3.1 parallel_tool_calls, responses.md §3, messages.md §4
// disable_parallel_tool_use) only the first is called.
std::vector<const Tool*> pick_tools(const ChatRequest& r, Rng& rng) {
  std::vector<const Tool*> picked;
  switch (r.tool_choice) {
    case ToolChoice::none: break;
    case ToolChoice::named:
      for (const auto& t : r.tools) {
        if (t.name == r.tool_choice_name) {
          picked.push_back(&t);
          break;
        }
      }
      break;
    case ToolChoice::required:
      picked = named_in_last_message(r);
      if (picked.empty()) picked.push_back(&r.tools[rng.below(r.tools.size())]);
      break;
    case ToolChoice::automatic: picked = named_in_last_message(r); break;
  }
  if (!r.parallel_tool_calls && picked.size() > 1) picked.resize(1);
  return picked;
}

std::string make_text(const ChatRequest& r, Rng& rng) {
  switch (r.format) {
    case OutputFormat::json_schema: return instance_text(r.format_schema, rng);
    case OutputFormat::json_object: {
      OrderedJson answer;
      answer["answer"] = generation::prose(rng, static_cast<std::size_t>(rng.between(4, 12)));
      return to_json_text(answer);
    }
    case OutputFormat::text: break;
  }
  std::string text = generation::prose(rng, static_cast<std::size_t>(rng.between(8, 40)));
  // Continue a prefill as a new word unless it already ends in white space.
  if (r.prefill && !r.prefill->empty() && !std::isspace(static_cast<unsigned char>(r.prefill->back()))) {
    text.insert(text.begin(), ' ');
  }
  return text;
}

// Applies stop sequences and the token limit to `text`; returns the finish reason.
std::string cut(const ChatRequest& r, std::string& text) {
  std::size_t stop_at = std::string::npos;
  for (const auto& s : r.stop) stop_at = std::min(stop_at, text.find(s));
  std::size_t limit_at = std::string::npos;
  if (r.max_tokens && generation::count_tokens(text) > static_cast<std::size_t>(*r.max_tokens)) {
    limit_at = generation::prefix_with_tokens(text, static_cast<std::size_t>(*r.max_tokens));
  }
  if (stop_at != std::string::npos && stop_at <= limit_at) {
    text.resize(stop_at);
    return "stop";
  }
  if (limit_at != std::string::npos) {
    text.resize(limit_at);
    return "length";
  }
  return "stop";
}

Answer answer_one(const ChatRequest& r, int index) {
  Rng rng(generation::mix64(r.content_hash ^ generation::mix64(static_cast<std::uint64_t>(index) + 1)));
  Answer a;
  if (const auto tools = pick_tools(r, rng); !tools.empty()) {
    for (const Tool* tool : tools) {
      ToolCall call{generation::make_id("call_", rng, 24), tool->name, instance_text(tool->parameters, rng)};
      a.completion_tokens += static_cast<std::int64_t>(generation::count_tokens(call.name) +
                                                       generation::count_tokens(call.arguments));
      a.tool_calls.push_back(std::move(call));
    }
    a.finish_reason = "tool_calls";
    return a;
  }
  std::string text = make_text(r, rng);
  a.finish_reason = cut(r, text);
  a.completion_tokens = static_cast<std::int64_t>(generation::count_tokens(text));
  a.content = std::move(text);
  return a;
}

}  // namespace

std::vector<Answer> answer(const ChatRequest& request) {
  std::vector<Answer> answers;
  answers.reserve(static_cast<std::size_t>(request.n));
  for (int i = 0; i < request.n; ++i) answers.push_back(answer_one(request, i));
  return answers;
}

}  // namespace siraya::mock::chat
