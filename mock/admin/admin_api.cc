#include "mock/admin/admin_api.h"

#include <nlohmann/json.hpp>

#include "mock/errors.h"
#include "mock/rules/rule_loader.h"

namespace siraya::mock::admin {
namespace {

ResponsePlan json_plan(const nlohmann::json& body) {
  ResponsePlan plan;
  plan.body = body.dump();
  return plan;
}

// Compares in time independent of where the texts differ: the token is a secret.
bool same_token(std::string_view given, std::string_view token) {
  if (token.empty()) return false;
  std::size_t diff = given.size() ^ token.size();
  for (std::size_t i = 0; i < given.size(); ++i) {
    diff |= static_cast<unsigned char>(given[i]) ^ static_cast<unsigned char>(token[i % token.size()]);
  }
  return diff == 0;
}

bool authorized(const AdminState& state, const Request& request) {
  auto value = request.header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (!value || value->substr(0, kBearer.size()) != kBearer) return false;
  return same_token(value->substr(kBearer.size()), state.token);
}

ResponsePlan wrong_method(const Request& request, std::string_view allowed) {
  ApiError e{405, "Method " + request.method + " is not allowed on " + request.path + "; use " + std::string(allowed) + ".",
             std::nullopt, {}};
  e.headers.emplace_back("Allow", std::string(allowed));
  return error_plan(e);
}

nlohmann::json rules_summary(const rules::RuleSet& set) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : set.rules) list.push_back({{"name", r.name}, {"source", r.where}});
  return {{"object", "list"}, {"data", std::move(list)}};
}

}  // namespace

ResponsePlan handle_admin(const AdminState& state, const Request& request) {
  if (!authorized(state, request)) {
    ApiError e{401, "The admin API needs the header Authorization: Bearer <the token given to --admin-token>.",
               std::nullopt, {}};
    e.headers.emplace_back("WWW-Authenticate", "Bearer");
    return error_plan(e);
  }
  const std::string_view name = std::string_view(request.path).substr(kPrefix.size());
  if (name == "reset") {
    if (request.method != "POST") return wrong_method(request, "POST");
    state.journal.clear();
    state.rules.reset();
    if (state.limits) state.limits->reset();
    if (state.configured_faults) state.configured_faults->reset();
    return json_plan({{"reset", true}, {"rules", state.rules.current()->rules.size()}});
  }
  if (name == "requests") {
    if (request.method != "GET") return wrong_method(request, "GET");
    return json_plan(state.journal.to_json());
  }
  if (name == "rules") {
    if (request.method == "GET") return json_plan(rules_summary(*state.rules.current()));
    if (request.method != "POST") return wrong_method(request, "GET, POST");
    auto loaded = rules::parse_rules(request.body, "POST /__admin/rules", &state.schemas);
    if (!loaded) return error_plan(invalid_request("Invalid rules file: " + loaded.error().to_string(), "body"));
    state.rules.replace(*loaded);
    return json_plan({{"loaded", (*loaded)->rules.size()}});
  }
  return error_plan(ApiError{404,
                             "Unknown admin path " + request.path +
                                 "; the admin API has /__admin/reset, /__admin/requests and /__admin/rules.",
                             std::nullopt, {}});
}

}  // namespace siraya::mock::admin
