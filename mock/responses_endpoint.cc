#include "mock/responses_endpoint.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "mock/catalog/model_check.h"
#include "mock/chat/answer.h"
#include "mock/errors.h"
#include "mock/generation/clock.h"
#include "mock/generation/ids.h"
#include "mock/generation/reasoning_tokens.h"
#include "mock/generation/schema/request_schemas.h"
#include "mock/generation/text.h"
#include "mock/generation/token_counter.h"
#include "mock/request_body.h"
#include "mock/responses/render.h"
#include "mock/responses/responses_request.h"
#include "mock/rules/scripted_answer.h"

namespace siraya::mock {

namespace {
constexpr std::string_view kRequestSchema = "responses/responses_request.json";
constexpr std::string_view kBodySchema = "responses/response.json";
constexpr std::string_view kEventSchema = "responses/stream_event.json";

}  // namespace

ResponsePlan handle_responses(const Context& context, const Request& request) {
  nlohmann::json body;
  if (auto error = parse_json_object(request, body)) return error_plan(*error);
  if (auto error = responses::validate_request(body, *context.catalog)) return error_plan(*error);
  if (auto error = check_against_schema(*context.schemas, kRequestSchema, body)) return error_plan(*error);
  if (auto error = generation::check_request_schemas(body, generation::Dialect::responses)) return error_plan(*error);

  const responses::ResponsesRequest req = responses::read_request(body, context.options.seed);
  if (auto error = check_context_length(*context.catalog, req.generation.model, req.generation.prompt_tokens, "input")) {
    return error_plan(*error);
  }
  // A reasoning model asked to reason spends hidden reasoning tokens (responses.md §5.1
  // output_tokens_details.reasoning_tokens, drawn as for chat); a summary is reasoning too.
  // max_output_tokens bounds reasoning and the visible answer together.
  const Model* model = context.catalog->find(req.generation.model);
  const bool hidden_reasoning =
      !context.scripted && model && model->supports("reasoning") && generation::asks_for_reasoning(body);
  const generation::OutputSplit split = hidden_reasoning || req.reasoning_summary
                                            ? generation::split_output_limit(req.generation.max_tokens)
                                            : generation::OutputSplit{std::nullopt, req.generation.max_tokens};
  chat::ChatRequest visible = req.generation;
  visible.max_tokens = split.visible_limit;
  responses::Output output;
  output.answer = context.scripted ? rules::chat_answer(*context.scripted, req.generation.content_hash)
                                   : chat::answer(visible).front();  // a rule's content (docs/rules.md)

  generation::Rng id_rng(generation::mix64(req.generation.content_hash ^ 0x7265737030ull));
  responses::ResponseMeta meta;
  meta.id = generation::make_id("resp_", id_rng, 24);
  meta.message_id = generation::make_id("msg_", id_rng, 24);
  meta.reasoning_id = generation::make_id("rs_", id_rng, 24);
  for (std::size_t k = 0; k < output.answer.tool_calls.size(); ++k) {
    meta.call_item_ids.push_back(generation::make_id("fc_", id_rng, 24));
  }
  // The real clock unless --clock fixes it; nothing generated depends on it.
  meta.created_at = generation::unix_seconds(context.options.fixed_clock);
  meta.model = req.generation.model;
  meta.input_tokens = req.generation.prompt_tokens;
  if (req.reasoning_summary) {
    std::string summary = generation::prose(id_rng, static_cast<std::size_t>(id_rng.between(6, 20)));
    if (const auto cap = split.reasoning_cap; cap && generation::count_tokens(summary) > static_cast<std::size_t>(*cap)) {
      summary.resize(generation::prefix_with_tokens(summary, static_cast<std::size_t>(*cap)));
    }
    output.reasoning_tokens = static_cast<std::int64_t>(generation::count_tokens(summary));
    output.reasoning_summary = std::move(summary);
  }
  // The hidden reasoning is at least as long as its summary.
  if (hidden_reasoning) {
    output.reasoning_tokens = std::max(output.reasoning_tokens,
                                       generation::draw_reasoning_tokens(req.generation.content_hash, 0, split.reasoning_cap));
  }

  ResponsePlan plan;
  if (req.stream) {
    plan.streaming = true;
    plan.content_type = "text/event-stream";
    plan.events = responses::render_stream(meta, req.echo, output);
    plan.event_schema = kEventSchema;
  } else {
    plan.body = responses::render_body(meta, req.echo, output);
    plan.body_schema = kBodySchema;
  }
  return plan;
}

}  // namespace siraya::mock
