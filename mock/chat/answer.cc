#include "mock/chat/answer.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "mock/generation/answer_text.h"
#include "mock/generation/hash.h"
#include "mock/generation/ids.h"
#include "mock/generation/json_instance.h"
#include "mock/generation/topic.h"
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

// Words of a tool name too general to mean that tool when a user writes them ("get me ...").
constexpr std::array<std::string_view, 16> kGenericNameWords{
    "api", "call", "check", "create", "data", "delete", "do", "fetch", "find", "func", "function", "info",
    "lookup", "query", "run", "tool"};

// Whether the user's text mentions `tool`: its whole name anywhere (case-insensitively), or one
// word of its name (name_words: get_weather -> get, weather) as a whole word of the text, or with a
// plural "s". Words of fewer than 3 characters, stop words and kGenericNameWords do not count.
bool mentions(const std::string& lower_text, const std::vector<std::string>& text_words, const Tool& tool) {
  if (lower_text.find(generation::lower_ascii(tool.name)) != std::string::npos) return true;
  for (const std::string& w : generation::name_words(tool.name)) {
    if (w.size() < 3 || generation::is_stop_word(w) ||
        std::find(kGenericNameWords.begin(), kGenericNameWords.end(), w) != kGenericNameWords.end()) {
      continue;
    }
    for (const std::string& t : text_words) {
      if (t == w || t == w + "s") return true;
    }
  }
  return false;
}

// The offered tools that the user's last message mentions, in offered order.
std::vector<const Tool*> named_in_last_message(const ChatRequest& r) {
  std::vector<const Tool*> out;
  const std::string text = generation::lower_ascii(r.last_user_text);
  if (text.empty()) return out;
  std::vector<std::string> words = generation::words_of(text);
  for (const auto& t : r.tools) {
    if (mentions(text, words, t)) out.push_back(&t);
  }
  return out;
}

// The tools to call, in order; empty for a text answer (docs/determinism.md#tool-calls).
// "auto" calls the tools the user's last message mentions, and never right after tool results,
// so an agent loop ends once the results have been sent back. "required" (messages "any") and a
// named tool oblige a call (chat-completions.md §3.1: "must call >= 1 tool", "must call that
// tool"), even after tool results: "required" calls the mentioned tools, or one drawn at random
// when the message mentions none. Without parallel calls (chat-completions.md §3.1
// parallel_tool_calls, responses.md §3, messages.md §4 disable_parallel_tool_use) only the first
// is called.
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
    case ToolChoice::automatic:
      if (!r.after_tool_result) picked = named_in_last_message(r);
      break;
  }
  if (!r.parallel_tool_calls && picked.size() > 1) picked.resize(1);
  return picked;
}

generation::AnswerSource source_of(const ChatRequest& r) {
  generation::AnswerSource s;
  s.question = r.question_text;
  s.after_tool_result = r.after_tool_result;
  s.tool_result = r.tool_result_text;
  if (r.prefill) s.prefill = &*r.prefill;
  return s;
}

std::string make_text(const ChatRequest& r, Rng& rng) {
  switch (r.format) {
    case OutputFormat::json_schema: return instance_text(r.format_schema, rng);
    case OutputFormat::json_object: {
      OrderedJson answer;
      answer["answer"] = generation::short_answer(source_of(r), rng);
      return to_json_text(answer);
    }
    case OutputFormat::text: break;
  }
  return generation::answer_text(source_of(r), rng);
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
