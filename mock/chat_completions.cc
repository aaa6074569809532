#include "mock/chat_completions.h"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "mock/catalog/model_check.h"
#include "mock/chat/answer.h"
#include "mock/chat/chat_request.h"
#include "mock/chat/render.h"
#include "mock/chat/validation.h"
#include "mock/errors.h"
#include "mock/generation/hash.h"
#include "mock/generation/clock.h"
#include "mock/generation/ids.h"
#include "mock/generation/reasoning_tokens.h"
#include "mock/generation/schema/request_schemas.h"
#include "mock/json_fields.h"
#include "mock/request_body.h"
#include "mock/rules/scripted_answer.h"

namespace siraya::mock {

namespace {
constexpr std::string_view kRequestSchema = "chat/chat_request.json";

// A reasoning model asked to reason spends hidden reasoning tokens, reported in
// usage.completion_tokens_details.reasoning_tokens and included in completion_tokens (§5); the
// draw is shared with /v1/responses (mock/generation/reasoning_tokens.h). reasoning.max_tokens and
// the reasoning share of max_tokens cap it.
void add_reasoning_tokens(const nlohmann::json& body, std::uint64_t content_hash, std::optional<std::int64_t> cap,
                          std::vector<chat::Answer>& answers) {
  if (const nlohmann::json* reasoning = field(body, "reasoning")) {
    if (const nlohmann::json* max = field(*reasoning, "max_tokens")) {
      cap = std::min(cap.value_or(INT64_MAX), max->get<std::int64_t>());
    }
  }
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const std::int64_t tokens = generation::draw_reasoning_tokens(content_hash, i, cap);
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
  const Model* model = context.catalog->find(chat_request.model);
  const bool reasons =
      !context.scripted && model && model->supports("reasoning") && generation::asks_for_reasoning(body);
  // max_tokens bounds reasoning and the visible answer together.
  const generation::OutputSplit split = reasons ? generation::split_output_limit(chat_request.max_tokens)
                                                : generation::OutputSplit{std::nullopt, chat_request.max_tokens};
  chat::ChatRequest visible = chat_request;
  visible.max_tokens = split.visible_limit;
  // A rule's content (docs/rules.md) replaces every generated choice.
  std::vector<chat::Answer> answers =
      context.scripted ? std::vector<chat::Answer>(static_cast<std::size_t>(chat_request.n),
                                                   rules::chat_answer(*context.scripted, chat_request.content_hash))
                       : chat::answer(visible);
  if (reasons) add_reasoning_tokens(body, chat_request.content_hash, split.reasoning_cap, answers);

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
