#include "harness/checks/responses_stream.h"

#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/json/bounded_parse.h"
#include "core/schema/registry.h"

namespace siraya::harness {

namespace {

using nlohmann::json;

constexpr std::string_view kEventSchema = "responses/stream_event.json";
constexpr std::size_t kMaxSchemaFindings = 10;

// Event types the checker understands or that OpenAI documents (responses.md §6.4 and the
// hosted-tool families); anything else is reported once as sse.responses.unknown_event.
bool known_type(const std::string& t) {
  static const std::set<std::string> exact = {
      "error", "response.created", "response.queued", "response.in_progress", "response.completed",
      "response.incomplete", "response.failed", "response.output_item.added", "response.output_item.done",
      "response.content_part.added", "response.content_part.done", "response.output_text.delta",
      "response.output_text.done", "response.output_text.annotation.added", "response.refusal.delta",
      "response.refusal.done", "response.function_call_arguments.delta", "response.function_call_arguments.done",
      "response.reasoning_summary_part.added", "response.reasoning_summary_part.done",
      "response.reasoning_summary_text.delta", "response.reasoning_summary_text.done",
      "response.reasoning_text.delta", "response.reasoning_text.done"};
  if (exact.count(t)) return true;
  for (const char* family : {"response.web_search_call.", "response.file_search_call.", "response.code_interpreter_call",
                             "response.image_generation_call.", "response.mcp_", "response.custom_tool_call_input."}) {
    if (t.rfind(family, 0) == 0) return true;
  }
  return false;
}

bool is_terminal(const std::string& t) {
  return t == "response.completed" || t == "response.failed" || t == "response.incomplete";
}

// o[key] when o is an object holding key, else null: network input may have any shape.
const json& field(const json& o, const char* key) {
  static const json null_value;
  return o.is_object() && o.contains(key) ? o[key] : null_value;
}

std::string str_of(const json& o, const char* key) {
  return o.is_object() && o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : std::string();
}

std::optional<long long> int_of(const json& o, const char* key) {
  if (!o.is_object() || !o.contains(key) || !o[key].is_number_integer()) return std::nullopt;
  return o[key].get<long long>();
}

std::string excerpt(const std::string& s) {
  return s.size() <= 80 ? "\"" + s + "\"" : "\"" + s.substr(0, 77) + "...\"";
}

std::string at_event(const core::sse::Event& e) { return "event " + std::to_string(e.index); }

struct Part {
  std::string type;
  std::string text;  // concatenated deltas (output_text, refusal)
  bool done = false;
};

struct Item {
  json added;                    // the item of output_item.added
  std::optional<json> done;      // the item of output_item.done
  std::vector<Part> parts;
  std::string arguments;         // concatenated function_call_arguments.delta
  bool has_argument_deltas = false;
};

class ResponsesStreamChecker {
 public:
  explicit ResponsesStreamChecker(const ResponsesStreamOptions& options) : options_(options) {}

  ResponsesStreamResult run(const std::vector<core::sse::Event>& events) {
    for (const auto& e : events) on_event(e);
    finish(events.size());
    ResponsesStreamResult result;
    result.findings = std::move(findings_);
    result.accumulated = accumulate();
    return result;
  }

 private:
  void add(std::string id, std::string location, std::string what, std::string fix) {
    findings_.push_back({std::move(id), core::Severity::error, std::move(location), std::move(what), std::move(fix)});
  }
  // Reports `id` once; later occurrences are counted and noted at the end.
  void add_once(const std::string& id, const core::sse::Event& e, std::string what, std::string fix) {
    if (counts_[id]++ == 0) add(id, at_event(e), std::move(what), std::move(fix));
  }

  void on_event(const core::sse::Event& e) {
    if (e.data == "[DONE]") {
      if (done_event_) add("sse.responses.done_repeated", at_event(e), "a second data: [DONE]", "send [DONE] once, last");
      else {
        done_event_ = e.index;
        add("sse.responses.done_sent", at_event(e), "data: [DONE] ends the stream",
            "send [DONE] if the target's clients expect it (OpenResponses), leave it out for OpenAI's");
      }
      return;
    }
    if (done_event_) {
      add_once("sse.responses.after_done", e, "event after data: [DONE] (SDKs stop reading at [DONE])",
               "end the body right after data: [DONE] (responses.md §6.1)");
    }
    json ev = core::json::parse_bounded(e.data);
    if (ev.is_discarded() || !ev.is_object()) {
      add_once(ev.is_discarded() ? "sse.responses.invalid_json" : "sse.responses.not_object", e,
               (core::json::too_deep(e.data) ? "data nests deeper than " + std::to_string(core::json::kMaxJsonNesting) + " levels" : "data is not a JSON object: " + excerpt(e.data)), "send one JSON object per event (responses.md §6.1)");
      return;
    }
    const std::string type = str_of(ev, "type");
    if (type.empty()) {
      add_once("sse.responses.type_missing", e, "event JSON without a string type",
               "every event carries its type (responses.md §6.4)");
      return;
    }
    const std::size_t position = json_events_++;
    if (e.type.empty()) {
      add_once("sse.responses.event_field_missing", e, "no event: line for " + type,
               "send event: <type> before each data: line (OpenResponses, responses.md §6.1)");
    } else if (e.type != type) {
      add_once("sse.responses.event_field_mismatch", e, "event: \"" + e.type + "\" but JSON type \"" + type + "\"",
               "the event: name must equal the JSON type (responses.md §6.1)");
    }
    if (options_.schemas != nullptr && schema_findings_ < kMaxSchemaFindings) {
      for (auto& f : options_.schemas->validate(kEventSchema, ev, at_event(e), "schema.stream_event")) {
        if (schema_findings_++ >= kMaxSchemaFindings) break;
        findings_.push_back(std::move(f));
      }
    }
    check_sequence(ev, type, position, e);
    if (terminal_event_) {
      if (is_terminal(type)) {
        add("sse.responses.terminal_repeated", at_event(e),
            "second terminal event " + type + " (first: " + *terminal_type_ + " at event " +
                std::to_string(*terminal_event_) + ")",
            "send exactly one of response.completed, response.failed, response.incomplete");
      } else {
        add_once("sse.responses.after_terminal", e, type + " after the terminal " + *terminal_type_,
                 "nothing but data: [DONE] may follow the terminal event (responses.md §6.3)");
      }
    }
    if (position == 0 && type != "response.created" && type != "error") {
      if (type == "response.queued") {
        add("sse.responses.created_missing", at_event(e), "stream starts with response.queued, no response.created",
            "start every stream with response.created (a resumed stream skips it; responses.md §6.3)");
      } else {
        add("sse.responses.created_first", at_event(e), "first event is " + type + ", not response.created",
            "send response.created first (openai-node: expected 'response.created' event; responses.md §8)");
      }
    }
    dispatch(ev, type, e);
  }

  // responses.md §6.2: sequence_number on every event, starting at 0 and increasing by 1.
  void check_sequence(const json& ev, const std::string& type, std::size_t position, const core::sse::Event& e) {
    auto seq = int_of(ev, "sequence_number");
    if (!seq) {
      add_once("sse.responses.sequence_missing", e, type + " has no integer sequence_number",
               "number every event from 0 (responses.md §6.2)");
      return;
    }
    // Before the first numbered event the expected number is the event's position, which
    // tolerates a stream whose first events lack the field (reported above) without a gap finding.
    const long long expected = last_sequence_ ? *last_sequence_ + 1 : static_cast<long long>(position);
    if (last_sequence_ && *seq <= *last_sequence_) {
      add_once("sse.responses.sequence_order", e,
               "sequence_number " + std::to_string(*seq) + " after " + std::to_string(*last_sequence_),
               "sequence_number strictly increases (responses.md §6.2)");
    } else if (*seq != expected) {
      add_once("sse.responses.sequence_gap", e,
               "sequence_number " + std::to_string(*seq) + ", expected " + std::to_string(expected),
               "start at 0 and increase by exactly 1 per event (responses.md §6.2)");
    }
    last_sequence_ = *seq;
  }

  void dispatch(const json& ev, const std::string& type, const core::sse::Event& e) {
    if (type.rfind("response.", 0) == 0 && ev.contains("response") && ev["response"].is_object()) {
      snapshot_ = ev["response"];
    }
    if (type == "error") {
      const json& err = ev.contains("error") && ev["error"].is_object() ? ev["error"] : ev;
      std::string message = str_of(err, "message");
      add("sse.responses.error_event", at_event(e), "in-stream error: " + (message.empty() ? excerpt(e.data) : message),
          "the upstream failed after HTTP 200; SDKs raise APIError here (responses.md §7)");
      return;
    }
    if (type == "response.created" && created_event_) {
      add("sse.responses.lifecycle_order", at_event(e), "a second response.created", "send response.created once");
    }
    if (type == "response.created") created_event_ = e.index;
    if (is_terminal(type) && !terminal_event_) {
      terminal_event_ = e.index;
      terminal_type_ = type;
      const std::string expected = type.substr(std::string("response.").size());
      const std::string status = str_of(field(ev, "response"), "status");
      if (status != expected) {
        add("sse.responses.terminal_status", at_event(e), type + " carries status " + excerpt(status),
            "the terminal response's status is \"" + expected + "\" (responses.md §6.3)");
      }
      return;
    }
    if (type == "response.output_item.added") return on_item_added(ev, e);
    if (type == "response.output_item.done") return on_item_done(ev, e);
    Item* item = ev.contains("output_index") ? item_ref(ev, type, e) : nullptr;
    if (item == nullptr) {
      if (!known_type(type)) add_once("sse.responses.unknown_event." + type, e, "event type " + type, "");
      return;
    }
    if (type == "response.content_part.added") {
      auto k = int_of(ev, "content_index");
      if (!k || *k != static_cast<long long>(item->parts.size())) {
        add("sse.responses.part_order", at_event(e),
            "content_part.added content_index " + (k ? std::to_string(*k) : "missing") + ", expected " +
                std::to_string(item->parts.size()),
            "add parts at content_index 0, 1, ... (openai-node: missing content at index; responses.md §6.3)");
      }
      item->parts.push_back({str_of(field(ev, "part"), "type"), "", false});
      return;
    }
    const bool text_event = type.rfind("response.output_text.", 0) == 0 || type.rfind("response.refusal.", 0) == 0;
    if (type == "response.content_part.done" || (text_event && type != "response.output_text.annotation.added")) {
      return on_part_event(*item, ev, type, e);
    }
    if (type == "response.function_call_arguments.delta") {
      item->arguments += str_of(ev, "delta");
      item->has_argument_deltas = true;
    } else if (type == "response.function_call_arguments.done") {
      const std::string args = str_of(ev, "arguments");
      if (item->has_argument_deltas && args != item->arguments) {
        add("sse.responses.arguments_mismatch", at_event(e),
            "arguments " + excerpt(args) + " differ from the concatenated deltas " + excerpt(item->arguments),
            "function_call_arguments.done carries exactly the concatenated deltas");
      }
      check_arguments_json(args, e);
      item->arguments = args;
      item->has_argument_deltas = true;
    } else if (!known_type(type)) {
      add_once("sse.responses.unknown_event." + type, e, "event type " + type, "");
    }
  }

  void check_arguments_json(const std::string& args, const core::sse::Event& e) {
    if (args.empty() || json::accept(args)) return;
    add("sse.responses.arguments_json", at_event(e), "function call arguments are not JSON: " + excerpt(args),
        "arguments is the JSON text of the call's input (responses.md §3)");
  }

  void on_item_added(const json& ev, const core::sse::Event& e) {
    auto index = int_of(ev, "output_index");
    if (!index || *index != static_cast<long long>(items_.size())) {
      add("sse.responses.item_order", at_event(e),
          "output_item.added at output_index " + (index ? std::to_string(*index) : "missing") + ", expected " +
              std::to_string(items_.size()),
          "stream items one at a time at output_index 0, 1, ... (openai-node: missing output at index N)");
    }
    const json item = field(ev, "item");
    const std::string type = str_of(item, "type"), id = str_of(item, "id"), call_id = str_of(item, "call_id");
    if (type == "function_call" ? call_id.empty() : id.empty()) {
      add("sse.responses.item_id", at_event(e), type + " item without a non-empty " + (type == "function_call" ? "call_id" : "id"),
          "give every item a non-empty id, and function_call items a call_id (responses.md §5.2)");
    }
    for (const auto& key : {std::make_pair("id", id), std::make_pair("call_id", call_id)}) {
      if (key.second.empty()) continue;
      if (!seen_ids_.insert(std::string(key.first) + "=" + key.second).second) {
        add("sse.responses.item_id", at_event(e), "duplicate item " + std::string(key.first) + " " + excerpt(key.second),
            "ids and call_ids are unique within a response (openai-node: duplicate output item identity)");
      }
    }
    items_.push_back({item, std::nullopt, {}, "", false});
  }

  void on_item_done(const json& ev, const core::sse::Event& e) {
    Item* item = item_ref(ev, "response.output_item.done", e);
    if (item == nullptr) return;
    const json done = field(ev, "item");
    if (item->done) {
      add("sse.responses.item_done", at_event(e), "second output_item.done for output_index " + ev["output_index"].dump(),
          "close each item exactly once");
    }
    for (const char* key : {"type", "id", "call_id"}) {
      if (item->added.contains(key) && field(done, key) != item->added[key]) {
        add("sse.responses.item_done", at_event(e), std::string("output_item.done changes the item's ") + key,
            "type, id and call_id stay as in output_item.added (openai-node: expected output item ...)");
      }
    }
    for (std::size_t k = 0; k < item->parts.size(); ++k) {
      if (!item->parts[k].done) {
        add("sse.responses.part_done", at_event(e), "content part " + std::to_string(k) + " never got content_part.done",
            "close every content part before output_item.done (responses.md §6.3)");
      }
      const json& content = field(done, "content");
      if (content.is_array() && k < content.size() && content[k].is_object()) {
        compare_text(item->parts[k], content[k], "output_item.done", e);
      }
    }
    if (str_of(done, "type") == "function_call") {
      const std::string args = str_of(done, "arguments");
      if (item->has_argument_deltas && args != item->arguments) {
        add("sse.responses.arguments_mismatch", at_event(e), "output_item.done arguments " + excerpt(args) +
                " differ from the streamed " + excerpt(item->arguments), "send the streamed arguments unchanged");
      }
      if (!item->has_argument_deltas) check_arguments_json(args, e);
    }
    item->done = done;
  }

  // Finds the item an item-scoped event names (output_index, item_id); reports a dangling reference.
  Item* item_ref(const json& ev, const std::string& type, const core::sse::Event& e) {
    auto index = int_of(ev, "output_index");
    if (!index || *index < 0 || *index >= static_cast<long long>(items_.size())) {
      add("sse.responses.item_ref", at_event(e), type + " for output_index " + field(ev, "output_index").dump() +
              ", which was never added", "send output_item.added before the item's other events (responses.md §6.3)");
      return nullptr;
    }
    Item& item = items_[static_cast<std::size_t>(*index)];
    if (ev.contains("item_id") && item.added.contains("id") && ev["item_id"] != item.added["id"]) {
      add("sse.responses.item_ref", at_event(e), type + " item_id " + ev["item_id"].dump() + " but output[" +
              std::to_string(*index) + "].id is " + item.added["id"].dump(),
          "item_id equals the id of output[output_index] (openai-node: expected item_id)");
    }
    if (item.done && type != "response.output_item.done") {
      add_once("sse.responses.item_ref", e, type + " after output_item.done of its item", "close an item last");
    }
    return &item;
  }

  void on_part_event(Item& item, const json& ev, const std::string& type, const core::sse::Event& e) {
    auto k = int_of(ev, "content_index");
    if (!k || *k < 0 || *k >= static_cast<long long>(item.parts.size())) {
      add("sse.responses.part_ref", at_event(e), type + " for content_index " + field(ev, "content_index").dump() +
              ", which was never added", "send content_part.added first (openai-node: missing content at index N)");
      return;
    }
    Part& part = item.parts[static_cast<std::size_t>(*k)];
    const bool refusal = type.rfind("response.refusal.", 0) == 0;
    if (type != "response.content_part.done" && part.type != (refusal ? "refusal" : "output_text")) {
      add("sse.responses.part_ref", at_event(e), type + " for a part of type " + excerpt(part.type),
          "text deltas go to output_text parts, refusal deltas to refusal parts (openai-node: expected content to be 'output_text')");
      return;
    }
    if (type == "response.output_text.delta" || type == "response.refusal.delta") {
      part.text += str_of(ev, "delta");
    } else if (type == "response.output_text.done" || type == "response.refusal.done") {
      compare_text(part, json{{"type", part.type}, {refusal ? "refusal" : "text", field(ev, refusal ? "refusal" : "text")}},
                   type, e);
    } else if (type == "response.content_part.done") {
      if (part.done) add("sse.responses.part_done", at_event(e), "second content_part.done", "close each part once");
      compare_text(part, field(ev, "part"), type, e);
      part.done = true;
    }
  }

  void compare_text(const Part& part, const json& full, const std::string& where, const core::sse::Event& e) {
    const char* key = part.type == "refusal" ? "refusal" : part.type == "output_text" ? "text" : nullptr;
    if (key == nullptr || !full.is_object() || !full.contains(key)) return;
    const std::string text = str_of(full, key);
    if (text != part.text) {
      add("sse.responses.text_mismatch", at_event(e),
          where + " text " + excerpt(text) + " differs from the concatenated deltas " + excerpt(part.text),
          "the done events carry exactly the concatenation of the deltas (responses.md §6.3)");
    }
  }

  void finish(std::size_t total) {
    const std::string end = "end of stream (" + std::to_string(total) + " events)";
    for (const auto& [id, count] : counts_) {
      if (count > 1) {
        for (auto& f : findings_) {
          if (f.id == id) f.what += " (" + std::to_string(count) + " events)";
        }
      }
    }
    for (auto& f : findings_) {
      if (f.id.rfind("sse.responses.unknown_event.", 0) == 0) f.id = "sse.responses.unknown_event";
    }
    if (json_events_ == 0) {
      add("sse.responses.empty", end, "no event", "stream response.created ... response.completed (responses.md §6.3)");
      return;
    }
    if (!terminal_event_) {
      add("sse.responses.terminal_missing", end, "no response.completed, response.failed or response.incomplete",
          "end every stream with exactly one terminal event (responses.md §6.3)");
    } else if (!done_event_) {
      add("sse.responses.done_missing", end, "no data: [DONE] after the terminal event",
          "OpenResponses requires a final data: [DONE] (responses.md §6.1)");
    }
    if (terminal_type_ == "response.completed") {
      for (std::size_t i = 0; i < items_.size(); ++i) {
        if (!items_[i].done) {
          add("sse.responses.item_not_done", end, "output item " + std::to_string(i) + " never got output_item.done",
              "close every item with output_item.done before response.completed (responses.md §6.3)");
        }
      }
      check_output(end);
    }
  }

  // The terminal response's output must be the items the events built (responses.md §6.3).
  void check_output(const std::string& where) {
    const json output = field(snapshot_, "output");
    if (!output.is_array()) return;
    if (output.size() != items_.size()) {
      add("sse.responses.output_mismatch", where, "response.completed has " + std::to_string(output.size()) +
              " output items, the stream added " + std::to_string(items_.size()),
          "the terminal response's output lists every streamed item");
      return;
    }
    for (std::size_t i = 0; i < items_.size(); ++i) {
      const json streamed = items_[i].done.value_or(items_[i].added);
      for (const char* key : {"type", "id", "call_id", "arguments", "content"}) {
        if (streamed.contains(key) && field(output[i], key) != streamed[key]) {
          add("sse.responses.output_mismatch", where, std::string("output[") + std::to_string(i) + "]." + key +
                  " differs from the streamed item", "the terminal response's output equals the output_item.done items");
          break;
        }
      }
    }
  }

  json accumulate() const {
    if (json_events_ == 0) return json();
    if (terminal_event_) return snapshot_;
    json out = snapshot_.is_object() ? snapshot_ : json::object();
    out["output"] = json::array();
    for (const auto& item : items_) {
      if (item.done) {
        out["output"].push_back(*item.done);
        continue;
      }
      json built = item.added;
      if (str_of(built, "type") == "function_call") built["arguments"] = item.arguments;
      if (!item.parts.empty()) {
        built["content"] = json::array();
        for (const auto& p : item.parts) {
          built["content"].push_back({{"type", p.type}, {p.type == "refusal" ? "refusal" : "text", p.text}});
        }
      }
      out["output"].push_back(built);
    }
    return out;
  }

  const ResponsesStreamOptions& options_;
  core::Findings findings_;
  std::map<std::string, std::size_t> counts_;
  std::optional<std::size_t> done_event_, created_event_, terminal_event_;
  std::optional<std::string> terminal_type_;
  std::optional<long long> last_sequence_;
  json snapshot_ = json::object();  // the latest lifecycle event's response
  std::vector<Item> items_;
  std::set<std::string> seen_ids_;
  std::size_t json_events_ = 0, schema_findings_ = 0;
};

}  // namespace

ResponsesStreamResult check_responses_stream(const std::vector<core::sse::Event>& events,
                                             const ResponsesStreamOptions& options) {
  return ResponsesStreamChecker(options).run(events);
}

}  // namespace siraya::harness
