#include "mock/chat_completions.h"

#include <algorithm>
#include <cstdint>

#include "mock/catalog/model_check.h"
#include "mock/chat/answer.h"
#include "mock/chat/chat_request.h"
#include "mock/chat/render.h"
#include "mock/chat/validation.h"
#include "mock/errors.h"
#include "mock/generation/hash.h"
#include "mock/generation/clock.h"
#include "mock/generation/ids.h"
#include "mock/generation/schema/request_schemas.h"
#include "mock/json_fields.h"
#include "mock/request_body.h"
#include "mock/rules/scripted_answer.h"

namespace siraya::mock {

namespace {
constexpr std::string_view kRequestSchema = "chat/chat_request.json";

// Whether the request turns reasoning on (chat-completions.md §1 `reasoning` / `reasoning_effort`):
// any reasoning setting other than effort "none" or enabled false.
bool asks_for_reasoning(const nlohmann::json& body) {
  if (const nlohmann::json* effort = field(body, "reasoning_effort")) return *effort != "none";
  const nlohmann::json* reasoning = field(body, "reasoning");
  if (!reasoning) return false;
  if (const nlohmann::json* enabled = field(*reasoning, "enabled"); enabled && *enabled == false) return false;
  const nlohmann::json* effort = field(*reasoning, "effort");
  return !effort || *effort != "none";
}

// A reasoning model asked to reason spends hidden reasoning tokens, reported in
// usage.completion_tokens_details.reasoning_tokens and included in completion_tokens (§5). The
// count is drawn from the request hash, capped by reasoning.max_tokens.
void add_reasoning_tokens(const nlohmann::json& body, std::uint64_t content_hash, std::vector<chat::Answer>& answers) {
  std::int64_t cap = INT64_MAX;
  if (const nlohmann::json* reasoning = field(body, "reasoning")) {
    if (const nlohmann::json* max = field(*reasoning, "max_tokens")) cap = max->get<std::int64_t>();
  }
  for (std::size_t i = 0; i < answers.size(); ++i) {
    generation::Rng rng(generation::mix64(content_hash ^ 0x726561736f6eull ^ generation::mix64(i + 1)));
    const std::int64_t tokens = std::min<std::int64_t>(rng.between(16, 160), cap);
    answers[i].reasoning_tokens = tokens;
    answers[i].completion_tokens += tokens;
  }
}
}  // namespace

ResponsePlan handle_chat_completions(const Context& context, const Request& request) {
  nlohmann::json body;
  if (auto error = parse_json_object(request, body)) return error_plan(*error);
  if (auto error = chat::validate_request(body, *context.catalog)) return error_plan(*error);
  if (auto error = check_against_schema(*context.schemas, kRequestSchema, body)) return error_plan(*error);
  if (auto error = generation::check_request_schemas(body, generation::Dialect::chat)) return error_plan(*error);

  const chat::ChatRequest chat_request = chat::read_request(body, context.options.seed);
  if (auto error = check_context_length(*context.catalog, chat_request.model, chat_request.prompt_tokens, "messages")) {
    return error_plan(*error);
  }
  // A rule's content (docs/rules.md) replaces every generated choice.
  std::vector<chat::Answer> answers =
      context.scripted ? std::vector<chat::Answer>(static_cast<std::size_t>(chat_request.n),
                                                   rules::chat_answer(*context.scripted, chat_request.content_hash))
                       : chat::answer(chat_request);
  if (const Model* model = context.catalog->find(chat_request.model);
      !context.scripted && model && model->supports("reasoning") && asks_for_reasoning(body)) {
    add_reasoning_tokens(body, chat_request.content_hash, answers);
  }

  generation::Rng id_rng(chat_request.content_hash);
  chat::CompletionMeta meta;
  meta.id = generation::make_id("chatcmpl-", id_rng, 24);
  // The real clock unless --clock fixes it; nothing generated depends on it.
  meta.created = generation::unix_seconds(context.options.fixed_clock);
  meta.model = chat_request.model;
  meta.prompt_tokens = chat_request.prompt_tokens;

  ResponsePlan plan;
  // The usage credits and token buckets are charged from, whether or not a stream carries its
  // usage chunk (stream_options.include_usage; mock/limits/usage_cost.h).
  std::int64_t completion_tokens = 0;
  for (const auto& a : answers) completion_tokens += a.completion_tokens;
  plan.usage = TokenUsage{meta.prompt_tokens, completion_tokens};
  if (chat_request.stream) {
    plan.streaming = true;
    plan.content_type = "text/event-stream";
    plan.events = chat::render_stream(meta, answers, chat_request.include_usage);
    plan.event_schema = "chat/chat_chunk.json";
  } else {
    plan.body = chat::render_body(meta, answers);
    plan.body_schema = "chat/chat_completion.json";
  }
  return plan;
}

}  // namespace siraya::mock
