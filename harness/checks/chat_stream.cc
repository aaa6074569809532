#include "harness/checks/chat_stream.h"

#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/json/bounded_parse.h"
#include "core/schema/registry.h"

namespace siraya::harness {

namespace {

using nlohmann::json;

constexpr std::string_view kChunkSchema = "chat/chat_chunk.json";
constexpr std::size_t kMaxSchemaFindings = 10;

struct ToolCall {
  std::string id, type, name, arguments;
  std::size_t first_event = 0;
};

struct Choice {
  bool role_checked = false;
  bool role_repeated_reported = false;
  bool after_finish_reported = false;
  std::optional<std::string> role;
  std::string content;
  bool has_content = false;
  std::string refusal;
  bool has_refusal = false;
  std::map<long long, ToolCall> tool_calls;
  std::optional<std::string> finish_reason;
};

std::string at_event(const core::sse::Event& e) { return "event " + std::to_string(e.index); }

bool truthy(const json& v) {
  return !(v.is_null() || (v.is_boolean() && !v.get<bool>()) ||
           (v.is_string() && v.get_ref<const std::string&>().empty()) || (v.is_object() && v.empty()));
}

// delta.content is a string, or (Mistral) an array of parts with "text".
void append_content(const json& v, std::string& out, bool& has) {
  if (v.is_string()) {
    out += v.get_ref<const std::string&>();
    has = true;
  } else if (v.is_array()) {
    for (const auto& part : v) {
      if (part.is_object() && part.contains("text") && part["text"].is_string()) {
        out += part["text"].get_ref<const std::string&>();
        has = true;
      }
    }
  }
}

bool delta_has_payload(const json& delta) {
  if (!delta.is_object()) return false;
  for (const char* key : {"content", "refusal", "tool_calls"}) {
    if (delta.contains(key) && truthy(delta[key])) return true;
  }
  return false;
}

class ChatStreamChecker {
 public:
  explicit ChatStreamChecker(const ChatStreamOptions& options) : options_(options) {
    if (options.request != nullptr && options.request->is_object()) {
      const json& req = *options.request;
      if (req.contains("n") && req["n"].is_number_integer()) n_ = req["n"].get<long long>();
      else n_ = 1;
      include_usage_ = req.contains("stream_options") && req["stream_options"].is_object() &&
                       req["stream_options"].contains("include_usage") &&
                       req["stream_options"]["include_usage"] == true;
    }
  }

  ChatStreamResult run(const std::vector<core::sse::Event>& events) {
    for (const auto& e : events) on_event(e);
    finish(events);
    ChatStreamResult result;
    result.findings = std::move(findings_);
    result.accumulated = accumulate();
    return result;
  }

 private:
  void add(std::string id, std::string location, std::string what, std::string fix) {
    findings_.push_back({std::move(id), core::Severity::error, std::move(location), std::move(what), std::move(fix)});
  }

  void on_event(const core::sse::Event& e) {
    if (!e.type.empty() && e.type != "error" && !event_field_reported_) {
      event_field_reported_ = true;
      add("sse.chat.event_field", at_event(e), "event: \"" + e.type + "\" line in a chat stream",
          "chat streams are data-only (chat-completions.md §8.1); drop the event: line");
    }
    if (e.data == "[DONE]") {
      if (done_event_) {
        add("sse.chat.done_repeated", at_event(e), "a second data: [DONE]", "send [DONE] exactly once, last");
      } else {
        done_event_ = e.index;
      }
      return;
    }
    if (done_event_ && !after_done_reported_) {
      after_done_reported_ = true;
      add("sse.chat.after_done", at_event(e), "event after data: [DONE] (SDKs stop reading at [DONE])",
          "end the body right after data: [DONE]");
    }
    json chunk = core::json::parse_bounded(e.data);
    if (chunk.is_discarded()) {
      if (++invalid_json_ <= 3) {
        add("sse.chat.invalid_json", at_event(e), (core::json::too_deep(e.data) ? "data nests deeper than " + std::to_string(core::json::kMaxJsonNesting) + " levels" : "data is not JSON: " + excerpt(e.data)),
            "send one JSON document per event (openai SDKs throw SyntaxError on anything else)");
      }
      return;
    }
    if (!chunk.is_object()) {
      add("sse.chat.not_object", at_event(e), "chunk is " + std::string(chunk.type_name()) + ", not an object",
          "each chunk is a chat.completion.chunk object (chat-completions.md §8.2)");
      return;
    }
    ++chunks_;
    if (e.type == "error" || (chunk.contains("error") && truthy(chunk["error"]))) {
      const json& err = chunk.contains("error") ? chunk["error"] : chunk;
      std::string message = err.is_object() && err.contains("message") && err["message"].is_string()
                                ? err["message"].get<std::string>()
                                : excerpt(err.dump());
      add("sse.chat.error_chunk", at_event(e), "in-stream error: " + message,
          "the upstream failed after the 200 was sent; SDKs raise APIError here (chat-completions.md §8.6)");
    }
    if (options_.schemas != nullptr && schema_findings_ < kMaxSchemaFindings) {
      auto found = options_.schemas->validate(kChunkSchema, chunk, at_event(e), "schema.stream_event");
      for (auto& f : found) {
        if (schema_findings_++ >= kMaxSchemaFindings) break;
        findings_.push_back(std::move(f));
      }
    }
    if (!chunk.contains("choices") || !chunk["choices"].is_array()) {
      if (!choices_missing_reported_) {
        choices_missing_reported_ = true;
        add("sse.chat.choices_missing", at_event(e), "chunk has no choices array",
            "send \"choices\": [] when a chunk carries no choice (openai-node iterates it)");
      }
      return;
    }
    const json& choices = chunk["choices"];
    const bool has_usage = chunk.contains("usage") && chunk["usage"].is_object();
    if (!choices.empty() || has_usage) check_identity(chunk, e);
    if (!choices.empty() && usage_chunk_event_ && !after_usage_reported_) {
      after_usage_reported_ = true;
      add("sse.chat.usage_misplaced", at_event(e),
          "choice chunk after the usage chunk (event " + std::to_string(*usage_chunk_event_) + ")",
          "the usage chunk (choices: []) comes last, right before [DONE] (chat-completions.md §8.5)");
    }
    bool all_finishing = !choices.empty();
    for (const auto& c : choices) {
      if (!on_choice(c, e)) all_finishing = false;
    }
    if (has_usage) on_usage(chunk["usage"], choices.empty(), all_finishing, e);
  }

  void check_identity(const json& chunk, const core::sse::Event& e) {
    for (const char* key : {"id", "created", "model"}) {
      const json value = chunk.contains(key) ? chunk[key] : json();
      auto& first = identity_[key];
      if (!first) {
        first = value;
        continue;
      }
      if (value != *first) {
        auto& count = identity_changes_[key];
        if (count++ == 0) {
          identity_first_change_[key] = {at_event(e), std::string(key) + " " + excerpt(value.dump()) +
                                                           " differs from the first chunk's " +
                                                           excerpt(first->dump())};
        }
      }
    }
  }

  // Returns whether this choice entry carries a non-null finish_reason.
  bool on_choice(const json& c, const core::sse::Event& e) {
    if (!c.is_object() || !c.contains("index") || !c["index"].is_number_integer() ||
        c["index"].get<long long>() < 0 || (n_ && c["index"].get<long long>() >= *n_)) {
      add("sse.chat.choice_index", at_event(e),
          "choice index " + (c.is_object() && c.contains("index") ? c["index"].dump() : std::string("missing")) +
              (n_ ? " outside [0, " + std::to_string(*n_) + ")" : ""),
          "index each choice 0..n-1 (openai-node: invalid choice index)");
      return false;
    }
    const long long index = c["index"].get<long long>();
    Choice& st = choices_[index];
    const json delta = c.contains("delta") ? c["delta"] : json::object();
    const bool has_role = delta.is_object() && delta.contains("role") && delta["role"].is_string();
    if (!st.role_checked) {
      st.role_checked = true;
      if (!has_role) {
        add("sse.chat.role_missing", at_event(e), "choice " + std::to_string(index) + "'s first delta has no role",
            "send delta.role \"assistant\" in the first chunk of each choice (openai-node: missing role for choice)");
      }
    } else if (has_role && st.role && !st.role_repeated_reported) {
      st.role_repeated_reported = true;
      add("sse.chat.role_repeated", at_event(e), "choice " + std::to_string(index) + " sends role again",
          "send delta.role only in the first chunk of a choice (chat-completions.md §8.3)");
    }
    if (has_role && !st.role) st.role = delta["role"].get<std::string>();

    if (st.finish_reason && delta_has_payload(delta) && !st.after_finish_reported) {
      st.after_finish_reported = true;
      add("sse.chat.after_finish", at_event(e), "choice " + std::to_string(index) + " continues after finish_reason",
          "finish_reason closes a choice; send nothing for it afterwards");
    }
    if (delta.is_object()) {
      if (delta.contains("content")) append_content(delta["content"], st.content, st.has_content);
      if (delta.contains("refusal")) append_content(delta["refusal"], st.refusal, st.has_refusal);
      if (delta.contains("tool_calls") && delta["tool_calls"].is_array()) {
        for (const auto& tc : delta["tool_calls"]) on_tool_call(st, index, tc, e);
      }
    }
    const bool finishing = c.contains("finish_reason") && c["finish_reason"].is_string();
    if (finishing) {
      if (st.finish_reason) {
        add("sse.chat.finish_reason_repeated", at_event(e),
            "choice " + std::to_string(index) + " got a second finish_reason " + c["finish_reason"].dump(),
            "send exactly one non-null finish_reason per choice");
      } else {
        st.finish_reason = c["finish_reason"].get<std::string>();
      }
    }
    return finishing;
  }

  void on_tool_call(Choice& st, long long choice, const json& tc, const core::sse::Event& e) {
    const std::string where = at_event(e);
    if (!tc.is_object() || !tc.contains("index") || !tc["index"].is_number_integer() || tc["index"].get<long long>() < 0) {
      add("sse.chat.tool_call_start", where, "tool call delta without a valid index",
          "every tool_calls entry carries its integer index (chat-completions.md §8.4)");
      return;
    }
    const long long k = tc["index"].get<long long>();
    const json fn = tc.contains("function") && tc["function"].is_object() ? tc["function"] : json::object();
    auto str = [](const json& o, const char* key) {
      return o.contains(key) && o[key].is_string() ? std::optional<std::string>(o[key].get<std::string>()) : std::nullopt;
    };
    auto id = str(tc, "id");
    auto type = str(tc, "type");
    auto name = str(fn, "name");
    auto it = st.tool_calls.find(k);
    const std::string label = "choice " + std::to_string(choice) + " tool call " + std::to_string(k);
    if (it == st.tool_calls.end()) {
      if (!id || !type || !name) {
        add("sse.chat.tool_call_start", where, label + "'s first delta lacks " +
                std::string(!id ? "id" : !type ? "type" : "function.name"),
            "the first delta of each tool call carries id, type \"function\" and function.name (chat-completions.md §8.4)");
      }
      ToolCall call{id.value_or(""), type.value_or(""), name.value_or(""), "", e.index};
      it = st.tool_calls.emplace(k, std::move(call)).first;
    } else {
      ToolCall& call = it->second;
      if ((id && !call.id.empty() && *id != call.id) || (type && !call.type.empty() && *type != call.type) ||
          (name && !call.name.empty() && *name != call.name)) {
        add("sse.chat.tool_call_identity", where, label + " changed id, type or name",
            "later deltas of a tool call carry only argument fragments (openai-node: changed tool call identity)");
      }
      if (call.id.empty() && id) call.id = *id;
      if (call.type.empty() && type) call.type = *type;
      if (call.name.empty() && name) call.name = *name;
    }
    if (auto args = str(fn, "arguments")) it->second.arguments += *args;
  }

  void on_usage(const json& usage, bool usage_chunk, bool all_finishing, const core::sse::Event& e) {
    usage_ = usage;
    if (usage_chunk) {
      usage_chunk_event_ = e.index;
    } else if (!all_finishing) {
      add("sse.chat.usage_misplaced", at_event(e), "usage on a chunk that does not finish its choices",
          "send usage in a final chunk with \"choices\": [] (chat-completions.md §8.5)");
    }
    auto num = [&](const char* k) {
      return usage.contains(k) && usage[k].is_number_integer() ? std::optional<long long>(usage[k].get<long long>()) : std::nullopt;
    };
    auto p = num("prompt_tokens"), c = num("completion_tokens"), t = num("total_tokens");
    if (p && c && t && *p + *c != *t) {
      add("sse.chat.usage_sum", at_event(e),
          "total_tokens " + std::to_string(*t) + " != prompt_tokens " + std::to_string(*p) +
              " + completion_tokens " + std::to_string(*c),
          "total_tokens = prompt_tokens + completion_tokens");
    }
  }

  void finish(const std::vector<core::sse::Event>& events) {
    const std::string end = "end of stream (" + std::to_string(events.size()) + " events)";
    if (chunks_ == 0) {
      add("sse.chat.empty", end, "no chat chunk", "stream at least a role chunk, a finish chunk and [DONE]");
    }
    if (!done_event_) {
      add("sse.chat.done_missing", end, "stream ended without data: [DONE]",
          "end every chat stream with data: [DONE] (chat-completions.md §8.1)");
    }
    for (const auto& [key, count] : identity_changes_) {
      std::string id = std::string("sse.chat.") + key + "_changed";
      const auto& [where, what] = identity_first_change_.at(key);
      add(id, where, what + (count > 1 ? " (" + std::to_string(count) + " chunks differ)" : ""),
          "send the same id, created and model on every chunk (chat-completions.md §8.2)");
    }
    if (n_) {
      for (long long i = 0; i < *n_; ++i) {
        if (chunks_ > 0 && !choices_.count(i)) {
          add("sse.chat.finish_reason_missing", end, "choice " + std::to_string(i) + " of n=" +
                  std::to_string(*n_) + " never appeared", "stream every requested choice to its finish_reason");
        }
      }
    }
    for (const auto& [index, st] : choices_) {
      if (!st.finish_reason) {
        add("sse.chat.finish_reason_missing", end, "choice " + std::to_string(index) + " never got a finish_reason",
            "end each choice with a chunk whose finish_reason is stop, length, tool_calls, content_filter or error "
            "(openai-node: missing finish_reason)");
      }
      for (const auto& [k, call] : st.tool_calls) {
        if (json::accept(call.arguments)) continue;
        add("sse.chat.tool_call_arguments", "event " + std::to_string(call.first_event),
            "choice " + std::to_string(index) + " tool call " + std::to_string(k) +
                ": concatenated arguments are not JSON: " + excerpt(call.arguments),
            "the argument fragments of a tool call must add up to one JSON document");
      }
    }
    if (include_usage_ && !usage_ && chunks_ > 0) {
      add("sse.chat.usage_missing", end, "stream_options.include_usage was true but no chunk carried usage",
          "send a final chunk with \"choices\": [] and the usage object before [DONE]");
    }
  }

  json accumulate() const {
    json out = json::object();
    out["object"] = "chat.completion";
    for (const char* key : {"id", "created", "model"}) {
      auto it = identity_.find(key);
      out[key] = it != identity_.end() && it->second ? *it->second : json();
    }
    out["choices"] = json::array();
    for (const auto& [index, st] : choices_) {
      json message = {{"role", st.role.value_or("assistant")},
                      {"content", st.has_content ? json(st.content) : json()}};
      if (st.has_refusal) message["refusal"] = st.refusal;
      if (!st.tool_calls.empty()) {
        message["tool_calls"] = json::array();
        for (const auto& [k, call] : st.tool_calls) {
          message["tool_calls"].push_back({{"id", call.id}, {"type", call.type},
                                           {"function", {{"name", call.name}, {"arguments", call.arguments}}}});
        }
      }
      out["choices"].push_back({{"index", index}, {"message", message},
                                {"finish_reason", st.finish_reason ? json(*st.finish_reason) : json()}});
    }
    out["usage"] = usage_ ? *usage_ : json();
    return out;
  }

  static std::string excerpt(const std::string& s) {
    return s.size() <= 80 ? "\"" + s + "\"" : "\"" + s.substr(0, 77) + "...\"";
  }

  const ChatStreamOptions& options_;
  std::optional<long long> n_;
  bool include_usage_ = false;
  core::Findings findings_;
  std::optional<std::size_t> done_event_;
  std::optional<std::size_t> usage_chunk_event_;
  std::optional<json> usage_;
  std::map<std::string, std::optional<json>> identity_;
  std::map<std::string, std::size_t> identity_changes_;
  std::map<std::string, std::pair<std::string, std::string>> identity_first_change_;  // location, what
  std::map<long long, Choice> choices_;
  std::size_t chunks_ = 0, invalid_json_ = 0, schema_findings_ = 0;
  bool event_field_reported_ = false, after_done_reported_ = false, choices_missing_reported_ = false,
       after_usage_reported_ = false;
};

}  // namespace

ChatStreamResult check_chat_stream(const std::vector<core::sse::Event>& events, const ChatStreamOptions& options) {
  return ChatStreamChecker(options).run(events);
}

}  // namespace siraya::harness
