#pragma once
// The endpoint table shared by the mock and the harness: each documented endpoint with the
// schemas of its request, response, stream events and errors, and its stream dialect.
// Paths are the gateway's ("/v1/chat/completions"); schema ids are paths under schemas/.
#include <optional>
#include <span>
#include <string_view>

namespace siraya::core {

enum class StreamDialect { none, chat, responses, messages };

std::string_view to_string(StreamDialect d);
std::optional<StreamDialect> parse_dialect(std::string_view name);

struct Endpoint {
  std::string_view name;            // "chat_completions"
  std::string_view method;          // "GET" / "POST"
  std::string_view path;            // "/v1/chat/completions"
  std::string_view request_schema;  // empty when the endpoint takes no body
  std::string_view response_schema;
  std::string_view stream_event_schema;  // empty when the endpoint never streams
  std::string_view error_schema;
  StreamDialect dialect = StreamDialect::none;
};

// Every endpoint the documentation lists, implemented or not.
std::span<const Endpoint> endpoints();
// The endpoint whose path equals `path` (the part after the host, with the /v1 prefix);
// nullptr when none. The method is not compared: callers report 405 themselves.
const Endpoint* find_endpoint_by_path(std::string_view path);

}  // namespace siraya::core
