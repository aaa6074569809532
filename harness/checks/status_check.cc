#include <nlohmann/json.hpp>

#include "core/json/bounded_parse.h"
#include "harness/checks/checks.h"

namespace siraya::harness {

core::Findings check_status(const Expectation& expect, const core::http::Response& response) {
  if (response.status == expect.status) return {};
  std::string what = "expected HTTP " + std::to_string(expect.status) + ", got " + std::to_string(response.status);
  // Quote the server's own explanation when it sent an error envelope.
  auto body = core::json::parse_bounded(response.body);
  if (!body.is_discarded() && body.is_object() && body.contains("error") && body["error"].is_object() &&
      body["error"].contains("message") && body["error"]["message"].is_string()) {
    std::string message = body["error"]["message"].get<std::string>();
    if (message.size() > 200) message = message.substr(0, 197) + "...";
    what += ": \"" + message + "\"";
  }
  return {{"status.mismatch", core::Severity::error, "status", what,
           expect.status < 300 ? "the request is valid per the reference; the server must accept it"
                               : "the request is invalid on purpose; the server must reject it with this status"}};
}

}  // namespace siraya::harness
