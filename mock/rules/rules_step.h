#pragma once
// The router's hook for scripted responses (design.md, "One request through the mock", step 4;
// docs/rules.md): match the request against the rules in force, answer a rule's error at once,
// hand a rule's content to the endpoint and its fault and timing directives to the fault
// injector (mock/faults/control.h), the same way the x-siraya-mock header does.
#include <cstdint>
#include <memory>
#include <optional>

#include "core/endpoints.h"
#include "mock/faults/control.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"
#include "mock/rules/rule_store.h"

namespace siraya::mock::rules {

struct Scripted {
  std::shared_ptr<const RuleSet> snapshot;  // keeps `rule` alive while the request is served
  const Rule* rule = nullptr;               // the matching rule, if any
  // The reply content for the endpoint to render, or nullptr (generated content).
  const Reply* content() const { return rule && rule->reply.has_content() ? &rule->reply : nullptr; }
};

// Returns the plan to answer instead of the endpoint: the matching rule's error or recorded reply
// (its delays divided by `replay_speed`; x-siraya-mock directives still apply to it), or with
// `strict` (--strict-rules) a 400 listing the nearest rules when nothing matches a request to a
// generative endpoint. Otherwise nullopt, with `scripted` set on a match and `control` set from
// the rule's fault and timing unless the request's x-siraya-mock header already set it (the
// header replaces the rule's directives). Stream-only directives are dropped on buffered requests.
std::optional<ResponsePlan> apply_rules(const RuleStore& store, bool strict, double replay_speed, const Request& request,
                                        const core::Endpoint& endpoint, std::uint64_t seed,
                                        std::optional<faults::Control>& control, Scripted& scripted);

}  // namespace siraya::mock::rules
