#include "harness/checks/messages_stream.h"

#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/json/bounded_parse.h"
#include "core/schema/registry.h"

namespace siraya::harness {

namespace {

using nlohmann::json;

constexpr std::string_view kEventSchema = "messages/stream_event.json";
constexpr std::size_t kMaxSchemaFindings = 10;

const json& field(const json& o, const char* key) {
  static const json null_value;
  return o.is_object() && o.contains(key) ? o[key] : null_value;
}

std::string str_of(const json& o, const char* key) {
  const json& v = field(o, key);
  return v.is_string() ? v.get<std::string>() : std::string();
}

std::string excerpt(const std::string& s) {
  return s.size() <= 80 ? "\"" + s + "\"" : "\"" + s.substr(0, 77) + "...\"";
}

std::string at_event(const core::sse::Event& e) { return "event " + std::to_string(e.index); }

// The delta kinds a block of a known type accepts (messages.md §7.2); an empty result means the
// block type is not one the checker knows, and any delta is accepted.
std::set<std::string> allowed_deltas(const std::string& block_type) {
  if (block_type == "text") return {"text_delta", "citations_delta"};
  if (block_type == "tool_use" || block_type == "server_tool_use" || block_type == "mcp_tool_use") {
    return {"input_json_delta"};
  }
  if (block_type == "thinking") return {"thinking_delta", "signature_delta"};
  if (block_type == "redacted_thinking") return {"(none)"};
  return {};
}

struct Block {
  json content;  // the content_block of content_block_start, accumulated into
  std::string partial_json;
  bool has_json = false;
  bool stopped = false;
};

class MessagesStreamChecker {
 public:
  explicit MessagesStreamChecker(const MessagesStreamOptions& options) : options_(options) {}

  MessagesStreamResult run(const std::vector<core::sse::Event>& events) {
    for (const auto& e : events) on_event(e);
    finish(events.size());
    MessagesStreamResult result;
    result.findings = std::move(findings_);
    result.accumulated = accumulate();
    return result;
  }

 private:
  void add(std::string id, std::string location, std::string what, std::string fix) {
    findings_.push_back({std::move(id), core::Severity::error, std::move(location), std::move(what), std::move(fix)});
  }
  void add_once(const std::string& id, const core::sse::Event& e, std::string what, std::string fix) {
    if (counts_[id]++ == 0) add(id, at_event(e), std::move(what), std::move(fix));
  }

  void on_event(const core::sse::Event& e) {
    if (e.data == "[DONE]" && e.type.empty()) {
      // Anthropic sends no [DONE]; the SDKs ignore a data-only one (messages.md §7.1).
      add_once("sse.messages.done_sentinel", e, "data-only [DONE] in a messages stream",
               "end the stream after message_stop; Anthropic sends no [DONE]");
      return;
    }
    json ev = core::json::parse_bounded(e.data);
    if (ev.is_discarded() || !ev.is_object()) {
      add_once(ev.is_discarded() ? "sse.messages.invalid_json" : "sse.messages.not_object", e,
               (core::json::too_deep(e.data) ? "data nests deeper than " + std::to_string(core::json::kMaxJsonNesting) + " levels" : "data is not a JSON object: " + excerpt(e.data)), "send one JSON object per event (messages.md §7.1)");
      return;
    }
    const std::string type = str_of(ev, "type");
    if (type.empty()) {
      add_once("sse.messages.type_missing", e, "event JSON without a string type", "every event carries its type");
      return;
    }
    ++json_events_;
    if (e.type.empty()) {
      add_once("sse.messages.event_field_missing", e, "no event: line for " + type,
               "the Anthropic SDKs dispatch by the event: name and drop data-only events (messages.md §7.1)");
    } else if (e.type != type) {
      add_once("sse.messages.event_field_mismatch", e, "event: \"" + e.type + "\" but JSON type \"" + type + "\"",
               "the event: name must equal the JSON type (messages.md §7.1)");
    }
    if (options_.schemas != nullptr && schema_findings_ < kMaxSchemaFindings) {
      for (auto& f : options_.schemas->validate(kEventSchema, ev, at_event(e), "schema.stream_event")) {
        if (schema_findings_++ >= kMaxSchemaFindings) break;
        findings_.push_back(std::move(f));
      }
    }
    if (type == "ping") return;
    if (stop_event_) {
      add_once("sse.messages.after_stop", e, type + " after message_stop", "message_stop is the last event (messages.md §7.2)");
    }
    if (type == "error") {
      error_seen_ = true;
      const std::string message = str_of(field(ev, "error"), "message");
      add("sse.messages.error_event", at_event(e),
          "in-stream error " + str_of(field(ev, "error"), "type") + ": " + (message.empty() ? excerpt(e.data) : message),
          "the upstream failed after HTTP 200; the Anthropic SDKs raise APIError here (messages.md §7.6)");
      return;
    }
    if (type == "message_start") {
      if (message_) {
        add("sse.messages.start_repeated", at_event(e), "a second message_start",
            "send message_start once (TS SDK: Unexpected event order)");
        return;
      }
      message_ = field(ev, "message").is_object() ? field(ev, "message") : json::object();
      if (!field(*message_, "usage").is_object()) {
        add("sse.messages.usage_missing", at_event(e), "message_start.message has no usage object",
            "the SDK writes into message.usage (messages.md §7.2)");
      }
      return;
    }
    if (!message_) {
      add_once("sse.messages.start_first", e, type + " before message_start",
               "message_start comes first (SDK: Unexpected event order, got " + type + " before \"message_start\")");
    }
    if (type == "content_block_start") return on_block_start(ev, e);
    if (type == "content_block_delta") return on_block_delta(ev, e);
    if (type == "content_block_stop") return on_block_stop(ev, e);
    if (type == "message_delta") return on_message_delta(ev, e);
    if (type == "message_stop") {
      if (!message_delta_event_) {
        add("sse.messages.message_delta_missing", at_event(e), "message_stop without a message_delta",
            "send message_delta with stop_reason and usage before message_stop (messages.md §7.2)");
      }
      if (!stop_event_) stop_event_ = e.index;
      return;
    }
    add_once("sse.messages.unknown_event." + type, e, "event type " + type, "");
  }

  void on_block_start(const json& ev, const core::sse::Event& e) {
    const json& index = field(ev, "index");
    if (!index.is_number_integer() || index.get<long long>() != static_cast<long long>(blocks_.size())) {
      add("sse.messages.block_index", at_event(e),
          "content_block_start index " + index.dump() + ", expected " + std::to_string(blocks_.size()),
          "number blocks 0, 1, 2, ... in order (messages.md §7.2)");
    }
    if (!blocks_.empty() && !blocks_.back().stopped) {
      add("sse.messages.block_order", at_event(e),
          "block " + std::to_string(blocks_.size()) + " starts before block " + std::to_string(blocks_.size() - 1) + " stopped",
          "finish each block with content_block_stop before the next starts (the TS SDK applies deltas to the last block)");
    }
    json block = field(ev, "content_block").is_object() ? field(ev, "content_block") : json::object();
    const std::string type = str_of(block, "type");
    const char* missing = nullptr;
    if (type == "text" && !field(block, "text").is_string()) missing = "text";
    if (type == "thinking" && !field(block, "thinking").is_string()) missing = "thinking";
    if (type == "tool_use") {
      if (str_of(block, "id").empty()) missing = "id";
      else if (!field(block, "name").is_string()) missing = "name";
      else if (!field(block, "input").is_object()) missing = "input";
    }
    if (missing != nullptr) {
      add("sse.messages.block_start_field", at_event(e), type + " block starts without " + missing,
          "start text blocks with text \"\", thinking with thinking \"\", tool_use with id, name and input {} "
          "(the SDKs append to these; messages.md §8)");
    }
    blocks_.push_back({std::move(block), "", false, false});
  }

  // The open block an event's index names, or nullptr after reporting a dangling index.
  Block* block_ref(const json& ev, const std::string& type, const core::sse::Event& e) {
    const json& index = field(ev, "index");
    if (!index.is_number_integer() || index.get<long long>() < 0 ||
        index.get<long long>() >= static_cast<long long>(blocks_.size())) {
      add("sse.messages.block_ref", at_event(e), type + " for index " + index.dump() + ", which was never started",
          "send content_block_start first (python SDK: IndexError)");
      return nullptr;
    }
    Block& block = blocks_[static_cast<std::size_t>(index.get<long long>())];
    if (block.stopped) {
      add("sse.messages.block_ref", at_event(e), type + " for block " + index.dump() + " after its content_block_stop",
          "each block stops exactly once, after its last delta");
      return nullptr;
    }
    return &block;
  }

  void on_block_delta(const json& ev, const core::sse::Event& e) {
    Block* block = block_ref(ev, "content_block_delta", e);
    if (block == nullptr) return;
    const json& delta = field(ev, "delta");
    const std::string kind = str_of(delta, "type");
    const std::string block_type = str_of(block->content, "type");
    const auto allowed = allowed_deltas(block_type);
    if (!allowed.empty() && !allowed.count(kind)) {
      add("sse.messages.delta_type", at_event(e), excerpt(kind) + " delta for a " + block_type + " block",
          "text blocks take text_delta, tool_use input_json_delta, thinking thinking_delta and signature_delta "
          "(messages.md §7.2)");
      return;
    }
    json& c = block->content;
    auto append = [&](const char* key, const char* from) {
      c[key] = (c[key].is_string() ? c[key].get<std::string>() : std::string()) + str_of(delta, from);
    };
    if (kind == "text_delta") append("text", "text");
    else if (kind == "thinking_delta") append("thinking", "thinking");
    else if (kind == "signature_delta") append("signature", "signature");
    else if (kind == "input_json_delta") {
      block->partial_json += str_of(delta, "partial_json");
      block->has_json = true;
    } else if (kind == "citations_delta") {
      if (!c["citations"].is_array()) c["citations"] = json::array();
      c["citations"].push_back(field(delta, "citation"));
    }
  }

  void on_block_stop(const json& ev, const core::sse::Event& e) {
    Block* block = block_ref(ev, "content_block_stop", e);
    if (block == nullptr) return;
    block->stopped = true;
    if (!block->has_json) return;
    // An empty buffer means input {} (messages.md §7.2).
    json input = block->partial_json.empty() ? json::object() : core::json::parse_bounded(block->partial_json);
    if (input.is_discarded() || !input.is_object()) {
      add("sse.messages.tool_input_json", at_event(e),
          "the input_json_delta fragments do not form a JSON object: " + excerpt(block->partial_json),
          "partial_json fragments concatenate to the tool input object (messages.md §7.2)");
      return;
    }
    block->content["input"] = std::move(input);
  }

  void on_message_delta(const json& ev, const core::sse::Event& e) {
    if (message_delta_event_) {
      add("sse.messages.message_delta_repeated", at_event(e), "a second message_delta", "send message_delta exactly once");
    }
    message_delta_event_ = e.index;
    const json& delta = field(ev, "delta");
    const json& usage = field(ev, "usage");
    if (!usage.is_object()) {
      add("sse.messages.usage_missing", at_event(e), "message_delta without usage",
          "the SDK reads message_delta.usage.output_tokens unconditionally (messages.md §7.2)");
    }
    if (!field(delta, "stop_reason").is_string()) {
      add("sse.messages.stop_reason_missing", at_event(e), "message_delta without a stop_reason",
          "message_delta carries the non-null stop_reason (messages.md §9)");
    }
    if (!message_) return;
    json& m = *message_;
    if (delta.is_object()) {
      for (auto it = delta.begin(); it != delta.end(); ++it) m[it.key()] = it.value();
    }
    if (usage.is_object()) {
      const json& before = field(field(m, "usage"), "output_tokens");
      const json& after = field(usage, "output_tokens");
      if (before.is_number_integer() && after.is_number_integer() && after.get<long long>() < before.get<long long>()) {
        add("sse.messages.usage_decreased", at_event(e),
            "message_delta output_tokens " + after.dump() + " below message_start's " + before.dump(),
            "message_delta usage counts are cumulative totals (messages.md §7.2)");
      }
      if (!m["usage"].is_object()) m["usage"] = json::object();
      for (auto it = usage.begin(); it != usage.end(); ++it) m["usage"][it.key()] = it.value();  // overwrite, never add
    }
  }

  void finish(std::size_t total) {
    const std::string end = "end of stream (" + std::to_string(total) + " events)";
    for (const auto& [id, count] : counts_) {
      for (auto& f : findings_) {
        if (count > 1 && f.id == id) f.what += " (" + std::to_string(count) + " events)";
      }
    }
    for (auto& f : findings_) {
      if (f.id.rfind("sse.messages.unknown_event.", 0) == 0) f.id = "sse.messages.unknown_event";
    }
    if (json_events_ == 0) {
      add("sse.messages.empty", end, "no event", "stream message_start ... message_stop (messages.md §7.2)");
      return;
    }
    if (error_seen_) return;  // an error event ends the stream early (messages.md §7.6)
    if (!stop_event_) {
      add("sse.messages.stop_missing", end, "the stream ended without message_stop",
          "end with message_stop (SDK finalMessage(): stream ended without producing a Message)");
    }
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
      if (!blocks_[i].stopped) {
        add("sse.messages.block_not_stopped", end, "block " + std::to_string(i) + " never got content_block_stop",
            "stop every block before message_delta (messages.md §7.2)");
      }
    }
    bool tool_use = false;
    for (const auto& b : blocks_) tool_use = tool_use || str_of(b.content, "type") == "tool_use";
    const std::string stop_reason = message_ ? str_of(*message_, "stop_reason") : std::string();
    if ((tool_use && (stop_reason == "end_turn" || stop_reason == "stop_sequence")) ||
        (!tool_use && stop_reason == "tool_use")) {
      add("sse.messages.stop_reason_tool_use", end,
          "stop_reason " + excerpt(stop_reason) + (tool_use ? " after a tool_use block" : " without a tool_use block"),
          "stop_reason is tool_use exactly when the model emitted a tool_use block (messages.md §5.1)");
    }
  }

  json accumulate() const {
    if (!message_) return json();
    json out = *message_;
    out["content"] = json::array();
    for (const auto& b : blocks_) out["content"].push_back(b.content);
    return out;
  }

  const MessagesStreamOptions& options_;
  core::Findings findings_;
  std::map<std::string, std::size_t> counts_;
  std::optional<json> message_;
  std::vector<Block> blocks_;
  std::optional<std::size_t> message_delta_event_, stop_event_;
  std::size_t json_events_ = 0, schema_findings_ = 0;
  bool error_seen_ = false;
};

}  // namespace

MessagesStreamResult check_messages_stream(const std::vector<core::sse::Event>& events,
                                           const MessagesStreamOptions& options) {
  return MessagesStreamChecker(options).run(events);
}

}  // namespace siraya::harness
