#include "core/endpoints.h"

#include <array>

namespace siraya::core {

namespace {
constexpr std::string_view kErrorSchema = "common/error_envelope.json";

constexpr std::array kEndpoints{
    Endpoint{"models", "GET", "/v1/models", "", "models/model_list.json", "", kErrorSchema,
             StreamDialect::none},
    Endpoint{"chat_completions", "POST", "/v1/chat/completions", "chat/chat_request.json",
             "chat/chat_completion.json", "chat/chat_chunk.json", kErrorSchema, StreamDialect::chat},
    Endpoint{"embeddings", "POST", "/v1/embeddings", "embeddings/embeddings_request.json",
             "embeddings/embedding_list.json", "", kErrorSchema, StreamDialect::none},
    Endpoint{"rerank", "POST", "/v1/rerank", "rerank/rerank_request.json", "rerank/rerank_response.json", "",
             kErrorSchema, StreamDialect::none},
    Endpoint{"responses", "POST", "/v1/responses", "responses/responses_request.json",
             "responses/response.json", "responses/stream_event.json", kErrorSchema,
             StreamDialect::responses},
    // /v1/messages may answer errors in the gateway envelope or Anthropic's native shape
    // (reference README §4.3); messages/error.json accepts either.
    Endpoint{"messages", "POST", "/v1/messages", "messages/messages_request.json",
             "messages/message.json", "messages/stream_event.json", "messages/error.json",
             StreamDialect::messages},
};
}  // namespace

std::string_view to_string(StreamDialect d) {
  switch (d) {
    case StreamDialect::none: return "none";
    case StreamDialect::chat: return "chat";
    case StreamDialect::responses: return "responses";
    case StreamDialect::messages: return "messages";
  }
  return "none";
}

std::optional<StreamDialect> parse_dialect(std::string_view name) {
  for (auto d : {StreamDialect::none, StreamDialect::chat, StreamDialect::responses,
                 StreamDialect::messages}) {
    if (to_string(d) == name) return d;
  }
  return std::nullopt;
}

std::span<const Endpoint> endpoints() { return kEndpoints; }

const Endpoint* find_endpoint_by_path(std::string_view path) {
  for (const auto& e : kEndpoints) {
    if (e.path == path) return &e;
  }
  return nullptr;
}

}  // namespace siraya::core
