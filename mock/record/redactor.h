#pragma once
// What a recording must not keep (docs/record-replay.md, "Secrets"): the credentials the client
// sent (Authorization, x-api-key and any header whose name says key, token, secret or cookie)
// are replaced by "[REDACTED]" wherever they appear in the recorded request, headers and body,
// and credential-like response headers (set-cookie, ...) are dropped.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock/http/request.h"

namespace siraya::mock::record {

inline constexpr std::string_view kRedacted = "[REDACTED]";

class Redactor {
 public:
  // The secrets of `request`'s headers, plus `extra` (e.g. an upstream key of the mock's own).
  explicit Redactor(const Request& request, const std::vector<std::string>& extra = {});

  std::string apply(std::string text) const;
  nlohmann::json apply(nlohmann::json value) const;  // every string, keys included
  bool empty() const { return secrets_.empty(); }

 private:
  std::vector<std::string> secrets_;  // longest first, so that no secret is cut by a shorter one
};

// Whether a header name carries credentials (compared case-insensitively).
bool is_credential_header(std::string_view name);

}  // namespace siraya::mock::record
