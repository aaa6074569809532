#include "mock/faults/in_stream_error.h"

#include "core/sse/encoder.h"
#include "mock/errors.h"
#include "mock/faults/forced_status.h"
#include "mock/json_text.h"
#include "mock/messages/error_body.h"

namespace siraya::mock::faults {
namespace {

// The JSON of a frame's data line; discarded when the frame has none (e.g. [DONE]).
OrderedJson frame_json(const std::string& frame) {
  const std::size_t line = frame.rfind("data: ", 0) == 0 ? 0 : frame.find("\ndata: ");
  if (line == std::string::npos) return OrderedJson(OrderedJson::value_t::discarded);
  const std::size_t begin = frame.find(' ', line + 1) + 1;
  const std::size_t end = frame.find('\n', begin);
  return OrderedJson::parse(frame.substr(begin, end - begin), nullptr, false);
}

OrderedJson field_or(const OrderedJson& object, const char* key, OrderedJson fallback) {
  if (object.is_object() && object.contains(key)) return object[key];
  return fallback;
}

std::string message_for(int status) {
  return status_message(status) + " (in-stream error forced by the x-siraya-mock header)";
}

std::vector<std::string> chat_frames(const std::vector<std::string>& events, int status) {
  const OrderedJson first = events.empty() ? OrderedJson() : frame_json(events.front());
  OrderedJson chunk;
  chunk["id"] = field_or(first, "id", "chatcmpl-error");
  chunk["object"] = "chat.completion.chunk";
  chunk["created"] = field_or(first, "created", 0);
  chunk["model"] = field_or(first, "model", "");
  chunk["error"] = OrderedJson{{"code", status}, {"message", message_for(status)}};
  OrderedJson choice;
  choice["index"] = 0;
  choice["delta"] = OrderedJson{{"content", ""}};
  choice["finish_reason"] = "error";
  chunk["choices"] = OrderedJson::array({choice});
  return {core::sse::encode(to_json_text(chunk)), core::sse::encode(core::sse::kDone)};
}

// OpenResponses error types (responses.md §7) for an HTTP status.
std::string_view responses_error_type(int status) {
  if (status == 404) return "not_found";
  if (status == 429) return "too_many_requests";
  return status >= 500 ? "server_error" : "invalid_request";
}

std::vector<std::string> responses_frames(const std::vector<std::string>& events, std::size_t at, int status) {
  const OrderedJson replaced = at < events.size() ? frame_json(events[at]) : OrderedJson();
  const OrderedJson seq = field_or(replaced, "sequence_number", static_cast<std::int64_t>(at));
  const std::int64_t sequence = seq.is_number_integer() ? seq.get<std::int64_t>() : static_cast<std::int64_t>(at);
  const std::string message = message_for(status);
  const std::string code(error_type(status));  // the gateway's error type, e.g. "upstream_error"

  // The superset of the OpenAI (flat) and OpenResponses (nested) forms, as responses.md §7 advises.
  OrderedJson error;
  error["type"] = "error";
  error["sequence_number"] = sequence;
  error["code"] = code;
  error["message"] = message;
  error["param"] = nullptr;
  error["error"] = OrderedJson{{"type", responses_error_type(status)}, {"code", code}, {"message", message}, {"param", nullptr}};

  OrderedJson response = events.empty() ? OrderedJson() : field_or(frame_json(events.front()), "response", OrderedJson());
  if (!response.is_object()) response = OrderedJson{{"object", "response"}};
  response["status"] = "failed";
  response["error"] = OrderedJson{{"code", code}, {"message", message}};
  if (response.contains("completed_at")) response["completed_at"] = nullptr;
  OrderedJson failed;
  failed["type"] = "response.failed";
  failed["sequence_number"] = sequence + 1;
  failed["response"] = std::move(response);
  return {core::sse::encode(to_json_text(error), "error"), core::sse::encode(to_json_text(failed), "response.failed"),
          core::sse::encode(core::sse::kDone)};
}

std::vector<std::string> messages_frames(int status, std::string_view request_id) {
  const ApiError error{status, message_for(status), std::nullopt, {}};
  return {core::sse::encode(messages::error_body(error, request_id), "error")};
}

}  // namespace

std::vector<std::string> in_stream_error_frames(core::StreamDialect dialect, const std::vector<std::string>& events,
                                                std::size_t at, int status, std::string_view request_id) {
  switch (dialect) {
    case core::StreamDialect::chat: return chat_frames(events, status);
    case core::StreamDialect::responses: return responses_frames(events, at, status);
    case core::StreamDialect::messages: return messages_frames(status, request_id);
    case core::StreamDialect::none: break;
  }
  return {};
}

}  // namespace siraya::mock::faults
