#include "mock/messages/answer.h"

#include <algorithm>

#include "core/json/bounded_parse.h"
#include "mock/chat/answer.h"
#include "mock/generation/hash.h"
#include "mock/generation/ids.h"
#include "mock/generation/text.h"
#include "mock/generation/token_counter.h"
#include "mock/json_text.h"

namespace siraya::mock::messages {
namespace {

constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::int64_t tokens_of(std::string_view text) { return static_cast<std::int64_t>(generation::count_tokens(text)); }

// Cuts `text` at the earliest stop sequence or at `limit` tokens; sets the stop reason.
void cut(const MessagesRequest& r, std::int64_t limit, std::string& text, MessageAnswer& out) {
  std::size_t stop_at = std::string::npos;
  const std::string* matched = nullptr;
  for (const auto& s : r.stop_sequences) {
    const std::size_t at = text.find(s);
    if (at < stop_at) {
      stop_at = at;
      matched = &s;
    }
  }
  std::size_t limit_at = std::string::npos;
  if (limit <= 0) {
    limit_at = 0;
  } else if (tokens_of(text) > limit) {
    limit_at = generation::prefix_with_tokens(text, static_cast<std::size_t>(limit));
  }
  out.stop_reason = "end_turn";
  if (matched && stop_at <= limit_at) {
    text.resize(stop_at);
    out.stop_reason = "stop_sequence";
    out.stop_sequence = *matched;
  } else if (limit_at != std::string::npos) {
    text.resize(limit_at);
    out.stop_reason = "max_tokens";
  }
}

}  // namespace

MessageAnswer answer(const MessagesRequest& request) {
  MessageAnswer out;
  generation::Rng rng(generation::mix64(request.generation.content_hash ^ 0x6d73673031ull));
  std::int64_t remaining = request.max_tokens;
  if (request.thinking_budget) {
    Block thinking;
    thinking.type = BlockType::thinking;
    thinking.text = generation::prose(rng, static_cast<std::size_t>(rng.between(10, 30)));
    thinking.signature = generation::make_id("", rng, 64, kBase64) + "==";
    const std::int64_t used = tokens_of(thinking.text);
    out.output_tokens += used;
    remaining -= used;
    out.content.push_back(std::move(thinking));
  }

  const chat::Answer a = chat::answer(request.generation).front();
  if (!a.tool_calls.empty()) {
    // One tool_use block per call: several when parallel tool use is allowed (messages.md §4).
    for (const chat::ToolCall& call : a.tool_calls) {
      auto input = core::json::parse_bounded(call.arguments);
      if (!input.is_object()) input = nlohmann::json::object();  // messages.md §4: input is an object
      Block block;
      block.type = BlockType::tool_use;
      block.id = generation::make_id("toolu_01", rng, 22);
      block.name = call.name;
      block.input = to_json_text(input);
      out.output_tokens += tokens_of(block.name) + tokens_of(block.input);
      out.content.push_back(std::move(block));
    }
    out.stop_reason = "tool_use";
    return out;
  }
  std::string text = a.content.value_or("");
  cut(request, remaining, text, out);
  out.output_tokens += tokens_of(text);
  if (!text.empty()) {
    Block block;
    block.text = std::move(text);
    out.content.push_back(std::move(block));
  }
  return out;
}

}  // namespace siraya::mock::messages
