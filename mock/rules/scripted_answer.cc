#include "mock/rules/scripted_answer.h"

#include "mock/generation/hash.h"
#include "mock/generation/ids.h"
#include "mock/generation/token_counter.h"

namespace siraya::mock::rules {
namespace {

std::int64_t tokens(const std::string& text) { return static_cast<std::int64_t>(generation::count_tokens(text)); }

// json replies are sent as the message text, like a structured output.
std::optional<std::string> text_of(const Reply& reply) { return reply.json ? reply.json : reply.text; }

}  // namespace

chat::Answer chat_answer(const Reply& reply, std::uint64_t content_hash) {
  generation::Rng rng(generation::mix64(content_hash ^ 0x72756c6573ull));
  chat::Answer a;
  a.content = text_of(reply);
  if (a.content) a.completion_tokens += tokens(*a.content);
  for (const auto& call : reply.tool_calls) {
    a.tool_calls.push_back(chat::ToolCall{generation::make_id("call_", rng, 24), call.name, call.arguments});
    a.completion_tokens += tokens(call.name) + tokens(call.arguments);
  }
  a.finish_reason = a.tool_calls.empty() ? "stop" : "tool_calls";
  return a;
}

messages::MessageAnswer message_answer(const Reply& reply, std::uint64_t content_hash) {
  generation::Rng rng(generation::mix64(content_hash ^ 0x72756c6573ull));
  messages::MessageAnswer a;
  if (auto text = text_of(reply)) {
    messages::Block block;
    block.type = messages::BlockType::text;
    block.text = *text;
    a.output_tokens += tokens(*text);
    a.content.push_back(std::move(block));
  }
  for (const auto& call : reply.tool_calls) {
    messages::Block block;
    block.type = messages::BlockType::tool_use;
    block.id = generation::make_id("toolu_01", rng, 22);
    block.name = call.name;
    block.input = call.arguments;
    a.output_tokens += tokens(call.name) + tokens(call.arguments);
    a.content.push_back(std::move(block));
  }
  a.stop_reason = reply.tool_calls.empty() ? "end_turn" : "tool_use";
  return a;
}

}  // namespace siraya::mock::rules
