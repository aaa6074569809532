#include "mock/messages_endpoint.h"

#include "mock/catalog/model_check.h"
#include "mock/generation/ids.h"
#include "mock/generation/schema/request_schemas.h"
#include "mock/messages/answer.h"
#include "mock/messages/error_body.h"
#include "mock/messages/messages_request.h"
#include "mock/messages/render.h"
#include "mock/request_body.h"
#include "mock/rules/scripted_answer.h"

namespace siraya::mock {

namespace {
constexpr std::string_view kRequestSchema = "messages/messages_request.json";
constexpr std::string_view kBodySchema = "messages/message.json";
constexpr std::string_view kEventSchema = "messages/stream_event.json";

}  // namespace

ResponsePlan handle_messages(const Context& context, const Request& request) {
  nlohmann::json body;
  if (auto error = parse_json_object(request, body)) return messages::error_plan(*error, request.request_id);
  if (auto error = messages::validate_request(body, *context.catalog)) return messages::error_plan(*error, request.request_id);
  if (auto error = check_against_schema(*context.schemas, kRequestSchema, body)) {
    return messages::error_plan(*error, request.request_id);
  }
  if (auto error = generation::check_request_schemas(body, generation::Dialect::messages)) {
    return messages::error_plan(*error, request.request_id);
  }

  const messages::MessagesRequest req = messages::read_request(body, context.options.seed);
  if (auto error = check_context_length(*context.catalog, req.generation.model, req.generation.prompt_tokens, "messages")) {
    return messages::error_plan(*error, request.request_id);
  }
  const messages::MessageAnswer answer = context.scripted  // a rule's content (docs/rules.md)
                                             ? rules::message_answer(*context.scripted, req.generation.content_hash)
                                             : messages::answer(req);

  generation::Rng id_rng(generation::mix64(req.generation.content_hash ^ 0x6d73676964ull));
  messages::MessageMeta meta;
  meta.id = generation::make_id("msg_01", id_rng, 22);
  meta.model = req.generation.model;
  meta.input_tokens = req.generation.prompt_tokens;

  ResponsePlan plan;
  if (req.stream) {
    plan.streaming = true;
    plan.content_type = "text/event-stream";
    plan.events = messages::render_stream(meta, answer);
    plan.event_schema = kEventSchema;
  } else {
    plan.body = messages::render_body(meta, answer);
    plan.body_schema = kBodySchema;
  }
  return plan;
}

}  // namespace siraya::mock
