#include "mock/rules/rules_step.h"

#include <nlohmann/json.hpp>

#include "core/json/bounded_parse.h"
#include "mock/errors.h"
#include "mock/faults/forced_status.h"
#include "mock/generation/hash.h"
#include "mock/rules/conversation.h"
#include "mock/rules/matcher.h"

namespace siraya::mock::rules {
namespace {

bool is_generative(std::string_view endpoint) {
  return endpoint == "chat_completions" || endpoint == "responses" || endpoint == "messages";
}

// The rule's error: the documented error of its status with its headers (forced_status_plan),
// the message replaced by the rule's own or by one naming the rule.
ResponsePlan rule_error(const Rule& rule, const core::Endpoint& endpoint, const Request& request) {
  ResponsePlan plan = faults::forced_status_plan(rule.reply.directives, endpoint, request.request_id);
  nlohmann::json body = core::json::parse_bounded(plan.body);
  if (!body.is_discarded() && body.contains("error") && body["error"].is_object()) {
    body["error"]["message"] = rule.reply.error_message.value_or(
        faults::status_message(*rule.reply.directives.status) + " (scripted by rule \"" + rule.name + "\")");
    plan.body = body.dump();
  }
  return plan;
}

}  // namespace

std::optional<ResponsePlan> apply_rules(const RuleStore& store, bool strict, double replay_speed, const Request& request,
                                        const core::Endpoint& endpoint, std::uint64_t seed,
                                        std::optional<faults::Control>& control, Scripted& scripted) {
  scripted.snapshot = store.current();
  if (scripted.snapshot->rules.empty() && !strict) return std::nullopt;
  const nlohmann::json body = core::json::parse_bounded(request.body);
  const Conversation conversation = read_conversation(endpoint.name, body);
  const MatchInput input{endpoint.name, request, conversation, body};
  scripted.rule = find_rule(*scripted.snapshot, input);
  if (!scripted.rule) {
    if (!strict || !is_generative(endpoint.name)) return std::nullopt;
    std::string message = "No rule matches this request (siraya-mock runs with --strict-rules).";
    const std::string nearest = nearest_rules(*scripted.snapshot, input);
    message += nearest.empty() ? " No rules are loaded." : " Nearest rules: " + nearest;
    return faults::endpoint_error_plan(ApiError{400, std::move(message), std::nullopt, {}}, endpoint,
                                       request.request_id);
  }
  if (scripted.rule->reply.recorded) return replay_plan(*scripted.rule->reply.recorded, replay_speed);
  if (control) return std::nullopt;  // the x-siraya-mock header replaces the rule's directives
  const faults::Directives& directives = scripted.rule->reply.directives;
  const faults::Directives applied = faults::for_transport(directives, conversation.stream);
  if (applied.acts_on_plan() || applied.status) {
    // Applied to the plan after the endpoint (or to the error below): delay, should-retry, faults.
    control = faults::Control{applied, &endpoint, generation::mix64(seed ^ generation::fnv1a(request.body))};
  }
  if (directives.status) return rule_error(*scripted.rule, endpoint, request);
  return std::nullopt;
}

}  // namespace siraya::mock::rules
