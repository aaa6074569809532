#include "mock/chat/render.h"

#include "core/sse/encoder.h"
#include "mock/json_text.h"
#include "mock/generation/fragments.h"

namespace siraya::mock::chat {
namespace {

OrderedJson usage_json(const CompletionMeta& meta, const std::vector<Answer>& answers) {
  std::int64_t completion = 0;
  std::int64_t reasoning = 0;
  for (const auto& a : answers) {
    completion += a.completion_tokens;
    reasoning += a.reasoning_tokens;
  }
  OrderedJson usage;
  usage["prompt_tokens"] = meta.prompt_tokens;
  usage["completion_tokens"] = completion;
  usage["total_tokens"] = meta.prompt_tokens + completion;
  usage["prompt_tokens_details"] = {{"cached_tokens", 0}};
  usage["completion_tokens_details"] = {{"reasoning_tokens", reasoning}};
  return usage;
}

OrderedJson tool_calls_json(const std::vector<ToolCall>& calls) {
  OrderedJson out = OrderedJson::array();
  for (const auto& c : calls) {
    OrderedJson call;
    call["id"] = c.id;
    call["type"] = "function";
    call["function"] = {{"name", c.name}, {"arguments", c.arguments}};
    out.push_back(std::move(call));
  }
  return out;
}

class ChunkWriter {
 public:
  ChunkWriter(const CompletionMeta& meta, bool include_usage) : include_usage_(include_usage) {
    base_["id"] = meta.id;
    base_["object"] = "chat.completion.chunk";
    base_["created"] = meta.created;
    base_["model"] = meta.model;
  }

  void choice(int index, OrderedJson delta, const char* finish_reason = nullptr) {
    OrderedJson c;
    c["index"] = index;
    c["delta"] = std::move(delta);
    c["logprobs"] = nullptr;
    c["finish_reason"] = finish_reason ? OrderedJson(finish_reason) : OrderedJson(nullptr);
    OrderedJson chunk = base_;
    chunk["choices"] = OrderedJson::array({std::move(c)});
    if (include_usage_) chunk["usage"] = nullptr;
    events_.push_back(core::sse::encode(to_json_text(chunk)));
  }

  void usage(OrderedJson usage) {
    OrderedJson chunk = base_;
    chunk["choices"] = OrderedJson::array();
    chunk["usage"] = std::move(usage);
    events_.push_back(core::sse::encode(to_json_text(chunk)));
  }

  std::vector<std::string> finish() {
    events_.push_back(core::sse::encode(core::sse::kDone));
    return std::move(events_);
  }

 private:
  OrderedJson base_;
  bool include_usage_;
  std::vector<std::string> events_;
};

}  // namespace

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t word = text.find_first_not_of(" \t\r\n", pos);
    std::size_t end = word == std::string::npos ? text.size() : text.find_first_of(" \t\r\n", word);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

std::string render_body(const CompletionMeta& meta, const std::vector<Answer>& answers) {
  OrderedJson choices = OrderedJson::array();
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const Answer& a = answers[i];
    OrderedJson message;
    message["role"] = "assistant";
    message["content"] = a.content ? OrderedJson(*a.content) : OrderedJson(nullptr);
    message["refusal"] = nullptr;
    if (!a.tool_calls.empty()) message["tool_calls"] = tool_calls_json(a.tool_calls);
    OrderedJson choice;
    choice["index"] = i;
    choice["message"] = std::move(message);
    choice["logprobs"] = nullptr;
    choice["finish_reason"] = a.finish_reason;
    choices.push_back(std::move(choice));
  }
  OrderedJson body;
  body["id"] = meta.id;
  body["object"] = "chat.completion";
  body["created"] = meta.created;
  body["model"] = meta.model;
  body["choices"] = std::move(choices);
  body["usage"] = usage_json(meta, answers);
  return to_json_text(body);
}

std::vector<std::string> render_stream(const CompletionMeta& meta, const std::vector<Answer>& answers,
                                       bool include_usage) {
  ChunkWriter out(meta, include_usage);
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const Answer& a = answers[i];
    const int index = static_cast<int>(i);
    OrderedJson role;
    role["role"] = "assistant";
    role["content"] = a.content ? OrderedJson("") : OrderedJson(nullptr);
    role["refusal"] = nullptr;
    out.choice(index, std::move(role));
    if (a.content) {
      for (auto& piece : split_words(*a.content)) out.choice(index, OrderedJson{{"content", std::move(piece)}});
    }
    for (std::size_t k = 0; k < a.tool_calls.size(); ++k) {
      const ToolCall& call = a.tool_calls[k];
      OrderedJson first;
      first["index"] = k;
      first["id"] = call.id;
      first["type"] = "function";
      first["function"] = {{"name", call.name}, {"arguments", ""}};
      out.choice(index, OrderedJson{{"tool_calls", OrderedJson::array({std::move(first)})}});
      for (auto& fragment : generation::argument_fragments(call.arguments, 16)) {
        OrderedJson next;
        next["index"] = k;
        next["function"] = {{"arguments", std::move(fragment)}};
        out.choice(index, OrderedJson{{"tool_calls", OrderedJson::array({std::move(next)})}});
      }
    }
    out.choice(index, OrderedJson::object(), a.finish_reason.c_str());
  }
  if (include_usage) out.usage(usage_json(meta, answers));
  return out.finish();
}

}  // namespace siraya::mock::chat
