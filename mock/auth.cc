#include "mock/auth.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace siraya::mock {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

ApiError unauthorized(std::string message) { return ApiError{401, std::move(message), std::nullopt, {}}; }

}  // namespace

std::optional<ApiError> authenticate(const Request& request, const std::vector<std::string>& keys) {
  std::string_view key;
  if (auto authorization = request.header("authorization")) {
    // RFC 7235: the scheme is case-insensitive; exactly one token follows it.
    const std::string_view value = trim(*authorization);
    const auto space = value.find(' ');
    const std::string_view scheme = value.substr(0, space);
    const std::string_view token = space == std::string_view::npos ? std::string_view() : trim(value.substr(space));
    if (!iequals(scheme, "Bearer") || token.empty() || token.find_first_of(" \t") != std::string_view::npos) {
      return unauthorized(
          "Malformed Authorization header: expected \"Bearer <API key>\". You can also send the "
          "key in an x-api-key header.");
    }
    key = token;
  } else if (auto api_key = request.header("x-api-key")) {
    key = trim(*api_key);
    if (key.empty()) {
      return unauthorized("Empty x-api-key header. Send your API key as \"Authorization: Bearer <API key>\".");
    }
  } else {
    return unauthorized(
        "Missing API key. Send it as \"Authorization: Bearer <API key>\" (or in an x-api-key header).");
  }
  if (!keys.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) {
    return unauthorized("Invalid API key. Check the key you configured for this server.");
  }
  return std::nullopt;
}

}  // namespace siraya::mock
