#pragma once
// Rule matching (docs/rules.md, "Semantics"): the first rule in order whose every condition holds
// wins; a rule without an endpoint condition applies to the generative endpoints only.
#include <string>
#include <string_view>

#include "mock/http/request.h"
#include "mock/rules/conversation.h"
#include "mock/rules/rule.h"

namespace siraya::mock::rules {

struct MatchInput {
  std::string_view endpoint;  // core::Endpoint::name
  const Request& request;
  const Conversation& conversation;
  const nlohmann::json& body;  // the parsed request body (discarded when not JSON)
};

// The first matching rule, or nullptr.
const Rule* find_rule(const RuleSet& rules, const MatchInput& input);

// Why `rule` does not match: the first failing condition ("user_text does not contain \"ls\""),
// empty when it matches.
std::string mismatch(const Rule& rule, const MatchInput& input);

// Up to `limit` rules that come closest (fewest failing conditions, then file order), one per
// joined with "; ": "\"name\" (file#/rules/2): user_text does not contain \"ls\"". Empty without rules.
std::string nearest_rules(const RuleSet& rules, const MatchInput& input, std::size_t limit = 3);

}  // namespace siraya::mock::rules
