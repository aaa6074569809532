#pragma once
// What agent CLIs and SDKs send around the documented paths (reference agent-clients.md §5 rule
// 1): a base-path prefix before /v1/... (ANTHROPIC_BASE_URL=http://host/api/anthropic gives
// /api/anthropic/v1/messages), a query string (?beta=true; the transport drops it already), stray
// HEAD probes (HEAD /, HEAD /api/hello: unknown paths, so the router's 404) and a WebSocket
// upgrade on GET /v1/responses (Codex's built-in provider, which falls back to HTTP on a 404).
#include <optional>
#include <string>
#include <string_view>

#include "mock/errors.h"
#include "mock/http/request.h"

namespace siraya::mock {

// The documented endpoint path a request path names: `path` itself when it is one (or names no
// endpoint at all), else the /v1/... suffix of a prefixed path when that suffix is an endpoint and
// the prefix holds no /v1 segment of its own. So /gateway/v1/chat/completions is
// /v1/chat/completions, while /v1/v1/messages (an Anthropic SDK given a base URL ending in /v1)
// stays as it is and gets the router's 404 with its hint.
std::string endpoint_path(std::string_view path);

// A WebSocket upgrade (Upgrade: websocket) on any path: the mock serves HTTP and SSE only. The
// 404 in the documented envelope, at once, so a client that tries WebSockets first falls back.
std::optional<ApiError> refuse_websocket(const Request& request);

}  // namespace siraya::mock
