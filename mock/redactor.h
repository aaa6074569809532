#pragma once
// What the mock must never write down (the admin journal, docs/admin-api.md; recordings,
// docs/record-replay.md "Secrets"): the credentials a client sent (Authorization, x-api-key and
// any header whose name says key, token, secret, cookie or password, and the token after a
// scheme such as "Bearer ") are replaced by "[redacted]" wherever they appear.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock/http/request.h"

namespace siraya::mock {

inline constexpr std::string_view kRedacted = "[redacted]";

class Redactor {
 public:
  // The secrets of `request`'s headers, plus `extra` (e.g. an upstream key of the mock's own).
  explicit Redactor(const Request& request, const std::vector<std::string>& extra = {});

  std::string apply(std::string text) const;
  nlohmann::json apply(nlohmann::json value) const;  // every string, keys included
  bool empty() const { return secrets_.empty(); }
  // The longest secret's length: text cut after apply() must be cut this much later before it.
  std::size_t longest() const { return secrets_.empty() ? 0 : secrets_.front().size(); }

 private:
  std::vector<std::string> secrets_;  // longest first, so that no secret is cut by a shorter one
};

// Whether a header name carries credentials (compared case-insensitively): its value is never
// written, not even redacted in place.
bool is_credential_header(std::string_view name);

}  // namespace siraya::mock
