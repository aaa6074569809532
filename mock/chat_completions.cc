#include "mock/chat_completions.h"

#include <chrono>

#include "mock/chat/answer.h"
#include "mock/chat/chat_request.h"
#include "mock/chat/render.h"
#include "mock/chat/validation.h"
#include "mock/errors.h"
#include "mock/generation/ids.h"
#include "mock/request_body.h"

namespace siraya::mock {

namespace {
constexpr std::string_view kRequestSchema = "chat/chat_request.json";
}

ResponsePlan handle_chat_completions(const Context& context, const Request& request) {
  nlohmann::json body;
  if (auto error = parse_json_object(request, body)) return error_plan(*error);
  if (auto error = chat::validate_request(body, *context.catalog)) return error_plan(*error);
  if (auto error = check_against_schema(*context.schemas, kRequestSchema, body)) return error_plan(*error);

  const chat::ChatRequest chat_request = chat::read_request(body, context.options.seed);
  const std::vector<chat::Answer> answers = chat::answer(chat_request);

  generation::Rng id_rng(chat_request.content_hash);
  chat::CompletionMeta meta;
  meta.id = generation::make_id("chatcmpl-", id_rng, 24);
  // `created` is the real clock; nothing generated depends on it.
  meta.created = std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch()).count();
  meta.model = chat_request.model;
  meta.prompt_tokens = chat_request.prompt_tokens;

  ResponsePlan plan;
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
