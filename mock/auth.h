#pragma once
// API-key authentication (reference README §2): `Authorization: Bearer <key>` as the gateway and
// the OpenAI SDKs send it, or `x-api-key: <key>` as the Anthropic 0.x SDKs send it. When both are
// present the Authorization header decides.
#include <optional>
#include <string>
#include <vector>

#include "mock/errors.h"
#include "mock/http/request.h"

namespace siraya::mock {

// nullopt when the request carries an accepted key; otherwise the 401 to send. With `keys`
// empty any non-empty key is accepted.
std::optional<ApiError> authenticate(const Request& request, const std::vector<std::string>& keys);

}  // namespace siraya::mock
