#include "mock/responses/render.h"

#include "core/sse/encoder.h"
#include "mock/chat/render.h"
#include "mock/json_text.h"
#include "mock/generation/fragments.h"

namespace siraya::mock::responses {
namespace {

bool incomplete(const Output& o) { return o.answer.finish_reason == "length"; }

OrderedJson usage_json(const ResponseMeta& meta, const Output& o) {
  const std::int64_t output_tokens = o.answer.completion_tokens + o.reasoning_tokens;
  OrderedJson usage;
  usage["input_tokens"] = meta.input_tokens;
  usage["input_tokens_details"] = {{"cached_tokens", 0}, {"cache_write_tokens", 0}};
  usage["output_tokens"] = output_tokens;
  usage["output_tokens_details"] = {{"reasoning_tokens", o.reasoning_tokens}};
  usage["total_tokens"] = meta.input_tokens + output_tokens;
  return usage;
}

OrderedJson text_part(const std::string& text) {
  OrderedJson part;
  part["type"] = "output_text";
  part["text"] = text;
  part["annotations"] = OrderedJson::array();
  part["logprobs"] = OrderedJson::array();
  return part;
}

OrderedJson summary_part(const std::string& text) { return OrderedJson{{"type", "summary_text"}, {"text", text}}; }

OrderedJson reasoning_item(const ResponseMeta& meta, const Output& o, bool done) {
  OrderedJson item;
  item["type"] = "reasoning";
  item["id"] = meta.reasoning_id;
  item["summary"] = done ? OrderedJson::array({summary_part(*o.reasoning_summary)}) : OrderedJson::array();
  item["status"] = done ? "completed" : "in_progress";
  return item;
}

OrderedJson message_item(const ResponseMeta& meta, const Output& o, bool done) {
  OrderedJson item;
  item["type"] = "message";
  item["id"] = meta.message_id;
  item["status"] = !done ? "in_progress" : incomplete(o) ? "incomplete" : "completed";
  item["role"] = "assistant";
  item["content"] = done ? OrderedJson::array({text_part(*o.answer.content)}) : OrderedJson::array();
  return item;
}

OrderedJson call_item(const ResponseMeta& meta, const Output& o, std::size_t k, bool done) {
  const chat::ToolCall& call = o.answer.tool_calls[k];
  OrderedJson item;
  item["type"] = "function_call";
  item["id"] = meta.call_item_ids[k];
  item["call_id"] = call.id;
  item["name"] = call.name;
  item["arguments"] = done ? call.arguments : "";
  item["status"] = done ? "completed" : "in_progress";
  return item;
}

OrderedJson output_items(const ResponseMeta& meta, const Output& o) {
  OrderedJson items = OrderedJson::array();
  if (o.reasoning_summary) items.push_back(reasoning_item(meta, o, true));
  if (o.answer.content) items.push_back(message_item(meta, o, true));
  for (std::size_t k = 0; k < o.answer.tool_calls.size(); ++k) items.push_back(call_item(meta, o, k, true));
  return items;
}

// The Response object with every key responses.md §5.1 lists. `final` false gives the snapshot
// of the lifecycle events before the items (no output, no usage) with status `pending`:
// "in_progress", or "queued" for a background request's response.created / response.queued.
OrderedJson response_json(const ResponseMeta& meta, const nlohmann::ordered_json& echo, const Output& o, bool final,
                          const char* pending = "in_progress") {
  OrderedJson r;
  const bool cut = final && incomplete(o);
  r["id"] = meta.id;
  r["object"] = "response";
  r["created_at"] = meta.created_at;
  r["completed_at"] = final && !cut ? OrderedJson(meta.created_at) : OrderedJson(nullptr);
  r["status"] = !final ? pending : cut ? "incomplete" : "completed";
  r["incomplete_details"] = cut ? OrderedJson{{"reason", "max_output_tokens"}} : OrderedJson(nullptr);
  r["error"] = nullptr;
  r["model"] = meta.model;
  r["previous_response_id"] = nullptr;
  r["instructions"] = echo["instructions"];
  r["output"] = final ? output_items(meta, o) : OrderedJson::array();
  for (const char* key : {"tools", "tool_choice", "parallel_tool_calls", "truncation", "text", "reasoning", "temperature",
                          "top_p", "presence_penalty", "frequency_penalty", "top_logprobs", "max_output_tokens",
                          "max_tool_calls", "store", "background"}) {
    r[key] = echo[key];
  }
  r["service_tier"] = "default";
  for (const char* key : {"metadata", "safety_identifier", "prompt_cache_key"}) r[key] = echo[key];
  r["usage"] = final ? usage_json(meta, o) : OrderedJson(nullptr);
  return r;
}

class EventWriter {
 public:
  void emit(const char* type, OrderedJson fields) {
    OrderedJson event;
    event["type"] = type;
    event["sequence_number"] = next_++;
    for (auto& [key, value] : fields.items()) event[key] = value;
    events_.push_back(core::sse::encode(to_json_text(event), type));
  }
  // An item-scoped event: item_id and output_index first, then `fields`.
  void emit_scoped(const char* type, const std::string& item_id, std::size_t output_index, OrderedJson fields) {
    OrderedJson scoped;
    scoped["item_id"] = item_id;
    scoped["output_index"] = output_index;
    for (auto& [key, value] : fields.items()) scoped[key] = value;
    emit(type, std::move(scoped));
  }
  std::vector<std::string> finish() {
    events_.push_back(core::sse::encode(core::sse::kDone));
    return std::move(events_);
  }

 private:
  std::int64_t next_ = 0;
  std::vector<std::string> events_;
};

void stream_reasoning(EventWriter& w, const ResponseMeta& meta, const Output& o, std::size_t index) {
  const std::string& id = meta.reasoning_id;
  const std::string& text = *o.reasoning_summary;
  w.emit("response.output_item.added", {{"output_index", index}, {"item", reasoning_item(meta, o, false)}});
  w.emit_scoped("response.reasoning_summary_part.added", id, index, {{"summary_index", 0}, {"part", summary_part("")}});
  for (auto& piece : chat::split_words(text)) {
    w.emit_scoped("response.reasoning_summary_text.delta", id, index, {{"summary_index", 0}, {"delta", piece}});
  }
  w.emit_scoped("response.reasoning_summary_text.done", id, index, {{"summary_index", 0}, {"text", text}});
  w.emit_scoped("response.reasoning_summary_part.done", id, index, {{"summary_index", 0}, {"part", summary_part(text)}});
  w.emit("response.output_item.done", {{"output_index", index}, {"item", reasoning_item(meta, o, true)}});
}

void stream_message(EventWriter& w, const ResponseMeta& meta, const Output& o, std::size_t index) {
  const std::string& id = meta.message_id;
  const std::string& text = *o.answer.content;
  w.emit("response.output_item.added", {{"output_index", index}, {"item", message_item(meta, o, false)}});
  w.emit_scoped("response.content_part.added", id, index, {{"content_index", 0}, {"part", text_part("")}});
  for (auto& piece : chat::split_words(text)) {
    w.emit_scoped("response.output_text.delta", id, index,
                  {{"content_index", 0}, {"delta", piece}, {"logprobs", OrderedJson::array()}});
  }
  w.emit_scoped("response.output_text.done", id, index,
                {{"content_index", 0}, {"text", text}, {"logprobs", OrderedJson::array()}});
  w.emit_scoped("response.content_part.done", id, index, {{"content_index", 0}, {"part", text_part(text)}});
  w.emit("response.output_item.done", {{"output_index", index}, {"item", message_item(meta, o, true)}});
}

void stream_call(EventWriter& w, const ResponseMeta& meta, const Output& o, std::size_t k, std::size_t index) {
  const chat::ToolCall& call = o.answer.tool_calls[k];
  const std::string& id = meta.call_item_ids[k];
  w.emit("response.output_item.added", {{"output_index", index}, {"item", call_item(meta, o, k, false)}});
  for (auto& piece : generation::argument_fragments(call.arguments, 8)) {
    w.emit_scoped("response.function_call_arguments.delta", id, index, {{"delta", piece}});
  }
  // responses.md §6.4: `name` is required here by OpenAI's spec.
  w.emit_scoped("response.function_call_arguments.done", id, index, {{"name", call.name}, {"arguments", call.arguments}});
  w.emit("response.output_item.done", {{"output_index", index}, {"item", call_item(meta, o, k, true)}});
}

}  // namespace

std::string render_body(const ResponseMeta& meta, const nlohmann::ordered_json& echo, const Output& output) {
  return to_json_text(response_json(meta, echo, output, true));
}

std::vector<std::string> render_stream(const ResponseMeta& meta, const nlohmann::ordered_json& echo, const Output& output) {
  EventWriter w;
  const OrderedJson snapshot = response_json(meta, echo, output, false);
  // responses.md §6.3: a response.queued event may precede response.in_progress for background
  // requests. The mock sends it for every background request, and until the model starts the
  // response is queued, so response.created carries that status too (as OpenAI's background
  // streams do). The stream then runs to its terminal event like any other.
  const auto background = echo.find("background");
  if (background != echo.end() && *background == true) {
    const OrderedJson queued = response_json(meta, echo, output, false, "queued");
    w.emit("response.created", {{"response", queued}});
    w.emit("response.queued", {{"response", queued}});
  } else {
    w.emit("response.created", {{"response", snapshot}});
  }
  w.emit("response.in_progress", {{"response", snapshot}});
  std::size_t index = 0;
  if (output.reasoning_summary) stream_reasoning(w, meta, output, index++);
  if (output.answer.content) stream_message(w, meta, output, index++);
  for (std::size_t k = 0; k < output.answer.tool_calls.size(); ++k) stream_call(w, meta, output, k, index++);
  const char* terminal = incomplete(output) ? "response.incomplete" : "response.completed";
  w.emit(terminal, {{"response", response_json(meta, echo, output, true)}});
  return w.finish();
}

}  // namespace siraya::mock::responses
