#include "mock/limits/gate.h"

#include <nlohmann/json.hpp>

#include "core/json/bounded_parse.h"
#include "mock/faults/forced_status.h"
#include "mock/limits/provider_routing.h"

namespace siraya::mock::limits {
namespace {

using nlohmann::json;

// error.metadata (README §4.1: OpenRouter puts moderation details and the provider there); the
// superset body of /v1/messages carries it in the same place.
ResponsePlan answer(const ApiError& error, const core::Endpoint& endpoint, const Request& request,
                    const json& metadata = json()) {
  ResponsePlan plan = faults::endpoint_error_plan(error, endpoint, request.request_id);
  if (metadata.is_object()) {
    json body = core::json::parse_bounded(plan.body);
    if (body.is_object() && body.contains("error") && body["error"].is_object()) {
      body["error"]["metadata"] = metadata;
      plan.body = body.dump();
    }
  }
  return plan;
}

std::string key_of(const Request& request) {
  if (auto authorization = request.header("authorization")) {
    std::string_view v = *authorization;
    const auto space = v.find(' ');
    if (space == std::string_view::npos) return std::string(v);
    v.remove_prefix(space);
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return std::string(v);
  }
  if (auto api_key = request.header("x-api-key")) {
    std::string_view v = *api_key;
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return std::string(v);
  }
  return {};
}

// The deadline header's value, nullopt when absent; a bad one is reported through `bad`.
std::optional<std::chrono::milliseconds> deadline_header(const Request& request, bool& bad) {
  const auto value = request.header(kDeadlineHeader);
  if (!value) return std::nullopt;
  bad = value->empty() || value->size() > 6 || value->find_first_not_of("0123456789") != std::string_view::npos;
  if (bad) return std::nullopt;
  const long ms = std::stol(std::string(*value));
  bad = ms < 1 || ms > 600000;
  if (bad) return std::nullopt;
  return std::chrono::milliseconds(ms);
}

}  // namespace

std::optional<ResponsePlan> admit(Limits* limits, const Catalog& catalog, const Request& request,
                                  const core::Endpoint& endpoint, Admission& admission) {
  bool bad_deadline = false;
  const auto header_deadline = deadline_header(request, bad_deadline);
  if (bad_deadline) {
    return answer(invalid_request(std::string("Invalid ") + kDeadlineHeader + " header: expected milliseconds from 1 to 600000.",
                                  std::string("header:") + kDeadlineHeader),
                  endpoint, request);
  }
  json body;
  // Without a configuration only a `provider` object matters: skip the parse when there is none.
  const bool wanted = limits || request.body.find("\"provider\"") != std::string::npos;
  if (request.method == "POST" && wanted) {
    body = core::json::parse_bounded(request.body);
    if (body.is_object()) {
      if (auto it = body.find("model"); it != body.end() && it->is_string()) {
        admission.model = catalog.find(it->get_ref<const std::string&>());
      }
    }
  }
  const config::Config* config = limits ? &limits->config() : nullptr;
  if (admission.model) {
    if (limits) {
      if (auto error = limits->upstream_error(*admission.model)) {
        return answer(*error, endpoint, request, {{"model_slug", admission.model->id}});
      }
    }
    Routing routing = route_providers(*admission.model, body, config);
    if (routing.error) return answer(*routing.error, endpoint, request, {{"model_slug", admission.model->id}});
    if (!routing.providers.empty()) admission.provider = routing.providers.front();
  }
  if (!limits) return std::nullopt;
  if (admission.model && limits->moderator().moderates(*admission.model)) {
    if (auto flag = limits->moderator().check(body)) {
      json metadata = {{"reasons", {flag->reason}},
                       {"flagged_input", flag->flagged_input},
                       {"model_slug", admission.model->id},
                       {"provider_name", admission.provider ? admission.provider->name : std::string()}};
      return answer(ApiError{403, "Your input was flagged by moderation (" + flag->reason + ").", std::nullopt, {}},
                    endpoint, request, metadata);
    }
  }
  admission.key = key_of(request);
  if (auto error = limits->take_request(admission)) return answer(*error, endpoint, request);
  admission.latency = limits->latency(admission.model, request.body);
  const auto deadline = header_deadline ? header_deadline : config->deadline;
  if (deadline && admission.latency > *deadline) {
    ResponsePlan plan = answer(ApiError{408, "The upstream did not answer within the request deadline of " +
                                                 std::to_string(deadline->count()) + " ms (simulated latency " +
                                                 std::to_string(admission.latency.count()) + " ms).",
                                        std::nullopt, {}},
                               endpoint, request);
    plan.first_byte_delay = *deadline;  // the client waits the whole deadline, as with a real timeout
    return plan;
  }
  return std::nullopt;
}

void settle(Limits& limits, const Request& request, const core::Endpoint& endpoint, Admission& admission,
            ResponsePlan& plan, bool charge) {
  if (charge && plan.status >= 200 && plan.status < 300) {
    const Usage usage = usage_of(plan);
    const double cost = admission.model ? cost_of(usage, *admission.model, admission.provider) : 0.0;
    if (!limits.settle(admission, cost, usage.total())) {
      plan = answer(ApiError{402, "Insufficient credits: this request costs $" + std::to_string(cost) +
                                      " and the balance of this key is lower. Nothing was charged.",
                             std::nullopt, {}},
                    endpoint, request);
    }
  }
  plan.headers.insert(plan.headers.end(), admission.rate_headers.begin(), admission.rate_headers.end());
  plan.first_byte_delay += admission.latency;
}

}  // namespace siraya::mock::limits
