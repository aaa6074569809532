#pragma once
// Serialisation used for every JSON body and SSE data line the mock sends: compact (one line, as
// reference README §5 rule 1 requires for SSE data), keys in insertion order (ordered_json, so
// bodies read like the reference examples), and invalid UTF-8 replaced instead of throwing (text
// from the URL is echoed in messages and has not been validated).
#include <string>

#include <nlohmann/json.hpp>

namespace siraya::mock {

using OrderedJson = nlohmann::ordered_json;

inline std::string to_json_text(const OrderedJson& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}
inline std::string to_json_text(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace siraya::mock
