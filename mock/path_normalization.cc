#include "mock/path_normalization.h"

#include <algorithm>
#include <cctype>

#include "core/endpoints.h"

namespace siraya::mock {
namespace {

bool has_v1_segment(std::string_view prefix) {
  for (std::size_t at = prefix.find("/v1"); at != std::string_view::npos; at = prefix.find("/v1", at + 1)) {
    if (at + 3 == prefix.size() || prefix[at + 3] == '/') return true;
  }
  return false;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

}  // namespace

std::string endpoint_path(std::string_view path) {
  if (core::find_endpoint_by_path(path)) return std::string(path);
  // The first /v1/ whose suffix is an endpoint; a prefix with a /v1 segment is never stripped.
  for (std::size_t at = path.find("/v1/", 1); at != std::string_view::npos; at = path.find("/v1/", at + 1)) {
    const std::string_view prefix = path.substr(0, at);
    if (has_v1_segment(prefix)) break;
    if (core::find_endpoint_by_path(path.substr(at))) return std::string(path.substr(at));
  }
  return std::string(path);
}

std::optional<ApiError> refuse_websocket(const Request& request) {
  const auto upgrade = request.header("upgrade");
  if (!upgrade || !equals_ignoring_case(*upgrade, "websocket")) return std::nullopt;
  return ApiError{404,
                  "WebSocket upgrades are not served on " + request.path +
                      ": siraya-mock speaks HTTP only; POST the request and read the answer as Server-Sent Events "
                      "(\"stream\": true).",
                  std::nullopt,
                  {}};
}

}  // namespace siraya::mock
