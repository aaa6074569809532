#include "mock/rules/matcher.h"

#include <algorithm>
#include <vector>

#include "mock/rules/json_subset.h"

namespace siraya::mock::rules {
namespace {

bool is_generative(std::string_view endpoint) {
  return endpoint == "chat_completions" || endpoint == "responses" || endpoint == "messages";
}

std::string describe(const TextMatcher& m) {
  switch (m.kind) {
    case TextMatcher::Kind::equals: return "is not \"" + m.text + "\"";
    case TextMatcher::Kind::contains: return "does not contain \"" + m.text + "\"";
    case TextMatcher::Kind::regex: return "does not match /" + m.text + "/";
  }
  return {};
}

// Appends one line per failing condition, in the order of docs/rules.md; stops after the first
// when `all` is false.
void failures(const Rule& rule, const MatchInput& in, std::vector<std::string>& out, bool all) {
  const Conditions& c = rule.when;
  const Conversation& conv = in.conversation;
  auto add = [&](std::string why) {
    out.push_back(std::move(why));
    return !all;
  };
  if (c.endpoints.empty() ? !is_generative(in.endpoint)
                          : std::find(c.endpoints.begin(), c.endpoints.end(), in.endpoint) == c.endpoints.end()) {
    if (add("endpoint " + std::string(in.endpoint) + " is not one the rule names")) return;
  }
  if (c.model && !c.model->matches(conv.model)) {
    if (add("model \"" + conv.model + "\" " + describe(*c.model))) return;
  }
  for (const auto& [name, m] : c.headers) {
    auto value = in.request.header(name);
    if (!value) {
      if (add("header " + name + " is absent")) return;
    } else if (!m.matches(*value)) {
      if (add("header " + name + " " + describe(m))) return;
    }
  }
  if (c.user_text && !c.user_text->matches(conv.last_user_text)) {
    if (add("user_text " + describe(*c.user_text))) return;
  }
  if (c.tool_result) {
    const ToolResultCondition& t = *c.tool_result;
    if (!t.present) {
      if (!conv.tool_results.empty() && add("the request has tool results")) return;
    } else {
      const bool any = std::any_of(conv.tool_results.begin(), conv.tool_results.end(), [&](const ToolResult& r) {
        return (!t.name || r.name == *t.name) && (!t.content || t.content->matches(r.content));
      });
      if (!any) {
        std::string why = conv.tool_results.empty() ? "the request has no tool result" : "no tool result";
        if (!conv.tool_results.empty() && t.name) why += " of tool \"" + *t.name + "\"";
        if (!conv.tool_results.empty() && t.content) why += " whose content " + describe(*t.content).substr(5);
        if (add(why)) return;
      }
    }
  }
  for (const auto& tool : c.tools_offered) {
    if (std::find(conv.tools.begin(), conv.tools.end(), tool) == conv.tools.end()) {
      if (add("tool \"" + tool + "\" is not offered")) return;
    }
  }
  if ((c.turn_min && conv.assistant_turns < *c.turn_min) || (c.turn_max && conv.assistant_turns > *c.turn_max)) {
    if (add("turn is " + std::to_string(conv.assistant_turns))) return;
  }
  if (c.stream && *c.stream != conv.stream) {
    if (add(conv.stream ? "the request is streamed" : "the request is not streamed")) return;
  }
  if (c.body) {
    auto diff = json_subset_mismatch(*c.body, in.body);
    // Equal: each holds the other (the second look finds members the rule's body lacks).
    if (!diff && !c.body_contains) diff = json_subset_mismatch(in.body, *c.body);
    if (diff) {
      if (add(diff->empty() ? "the body differs" : "the body differs at " + *diff)) return;
    }
  }
}

}  // namespace

bool TextMatcher::matches(std::string_view value) const {
  switch (kind) {
    case Kind::equals: return value == text;
    case Kind::contains: return value.find(text) != std::string_view::npos;
    case Kind::regex: return std::regex_search(value.begin(), value.end(), pattern);
  }
  return false;
}

std::string mismatch(const Rule& rule, const MatchInput& input) {
  std::vector<std::string> why;
  failures(rule, input, why, false);
  return why.empty() ? std::string() : why.front();
}

const Rule* find_rule(const RuleSet& rules, const MatchInput& input) {
  for (const auto& rule : rules.rules) {
    if (mismatch(rule, input).empty()) return &rule;
  }
  return nullptr;
}

std::string nearest_rules(const RuleSet& rules, const MatchInput& input, std::size_t limit) {
  struct Near {
    std::size_t failing;
    std::size_t index;
    std::string first;
  };
  std::vector<Near> near;
  for (std::size_t i = 0; i < rules.rules.size(); ++i) {
    std::vector<std::string> why;
    failures(rules.rules[i], input, why, true);
    if (!why.empty()) near.push_back(Near{why.size(), i, why.front()});
  }
  std::stable_sort(near.begin(), near.end(), [](const Near& a, const Near& b) { return a.failing < b.failing; });
  std::string out;
  for (std::size_t k = 0; k < near.size() && k < limit; ++k) {
    const Rule& r = rules.rules[near[k].index];
    if (!out.empty()) out += "; ";
    out += "\"" + r.name + "\" (" + r.where + "): " + near[k].first;
  }
  return out;
}

}  // namespace siraya::mock::rules
