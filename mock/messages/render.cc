#include "mock/messages/render.h"

#include "core/sse/encoder.h"
#include "mock/chat/render.h"
#include "mock/json_text.h"
#include "mock/generation/fragments.h"

namespace siraya::mock::messages {
namespace {

OrderedJson usage_json(const MessageMeta& meta, std::int64_t output_tokens) {
  OrderedJson usage;
  usage["input_tokens"] = meta.input_tokens;
  usage["output_tokens"] = output_tokens;
  usage["cache_creation_input_tokens"] = 0;
  usage["cache_read_input_tokens"] = 0;
  usage["cache_creation"] = {{"ephemeral_5m_input_tokens", 0}, {"ephemeral_1h_input_tokens", 0}};
  usage["server_tool_use"] = nullptr;
  usage["service_tier"] = "standard";
  return usage;
}

// A block as it appears in the body (complete) or in content_block_start (empty text/input).
OrderedJson block_json(const Block& b, bool complete) {
  OrderedJson j;
  switch (b.type) {
    case BlockType::thinking:
      j["type"] = "thinking";
      j["thinking"] = complete ? b.text : "";
      j["signature"] = complete ? b.signature : "";
      break;
    case BlockType::text:
      j["type"] = "text";
      // No `citations` key: @ai-sdk/anthropic rejects `"citations": null` on non-streamed replies
      // (its schema allows an array or absence), and every SDK accepts the key's absence.
      j["text"] = complete ? b.text : "";
      break;
    case BlockType::tool_use:
      j["type"] = "tool_use";
      j["id"] = b.id;
      j["name"] = b.name;
      j["input"] = complete ? OrderedJson::parse(b.input, nullptr, false) : OrderedJson::object();
      break;
  }
  return j;
}

OrderedJson message_json(const MessageMeta& meta, const MessageAnswer& a, bool start) {
  OrderedJson m;
  m["id"] = meta.id;
  m["type"] = "message";
  m["role"] = "assistant";
  m["model"] = meta.model;
  m["container"] = nullptr;
  OrderedJson content = OrderedJson::array();
  if (!start) {
    for (const auto& b : a.content) content.push_back(block_json(b, true));
  }
  m["content"] = std::move(content);
  m["stop_reason"] = start ? OrderedJson(nullptr) : OrderedJson(a.stop_reason);
  m["stop_sequence"] = !start && a.stop_sequence ? OrderedJson(*a.stop_sequence) : OrderedJson(nullptr);
  m["stop_details"] = nullptr;
  // messages.md §7.2: message_start carries the final input_tokens and a small output count.
  m["usage"] = usage_json(meta, start ? 1 : a.output_tokens);
  return m;
}

class EventWriter {
 public:
  void emit(const char* type, OrderedJson fields = OrderedJson::object()) {
    OrderedJson event;
    event["type"] = type;
    for (auto& [key, value] : fields.items()) event[key] = value;
    events_.push_back(core::sse::encode(to_json_text(event), type));
  }
  void delta(std::size_t index, OrderedJson delta) {
    emit("content_block_delta", {{"index", index}, {"delta", std::move(delta)}});
  }
  std::vector<std::string> finish() { return std::move(events_); }

 private:
  std::vector<std::string> events_;
};

void stream_block(EventWriter& w, const Block& b, std::size_t index) {
  w.emit("content_block_start", {{"index", index}, {"content_block", block_json(b, false)}});
  switch (b.type) {
    case BlockType::thinking:
      for (auto& piece : chat::split_words(b.text)) w.delta(index, {{"type", "thinking_delta"}, {"thinking", piece}});
      w.delta(index, {{"type", "signature_delta"}, {"signature", b.signature}});
      break;
    case BlockType::text:
      for (auto& piece : chat::split_words(b.text)) w.delta(index, {{"type", "text_delta"}, {"text", piece}});
      break;
    case BlockType::tool_use:
      // The first fragment is empty, as Anthropic sends it (§7.4).
      w.delta(index, {{"type", "input_json_delta"}, {"partial_json", ""}});
      for (auto& piece : generation::argument_fragments(b.input, 12)) w.delta(index, {{"type", "input_json_delta"}, {"partial_json", piece}});
      break;
  }
  w.emit("content_block_stop", {{"index", index}});
}

}  // namespace

std::string render_body(const MessageMeta& meta, const MessageAnswer& answer) {
  return to_json_text(message_json(meta, answer, false));
}

std::vector<std::string> render_stream(const MessageMeta& meta, const MessageAnswer& answer) {
  EventWriter w;
  w.emit("message_start", {{"message", message_json(meta, answer, true)}});
  w.emit("ping");
  for (std::size_t i = 0; i < answer.content.size(); ++i) stream_block(w, answer.content[i], i);
  OrderedJson delta;
  delta["stop_reason"] = answer.stop_reason;
  delta["stop_sequence"] = answer.stop_sequence ? OrderedJson(*answer.stop_sequence) : OrderedJson(nullptr);
  delta["container"] = nullptr;
  delta["stop_details"] = nullptr;
  // Cumulative totals: the SDKs overwrite usage with these (§7.2).
  OrderedJson usage;
  usage["input_tokens"] = meta.input_tokens;
  usage["output_tokens"] = answer.output_tokens;
  usage["cache_creation_input_tokens"] = 0;
  usage["cache_read_input_tokens"] = 0;
  usage["server_tool_use"] = nullptr;
  w.emit("message_delta", {{"delta", std::move(delta)}, {"usage", std::move(usage)}});
  w.emit("message_stop");
  return w.finish();
}

}  // namespace siraya::mock::messages
