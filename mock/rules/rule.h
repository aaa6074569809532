#pragma once
// One scripted response (docs/rules.md): a request pattern and the reply to send when it
// matches. Rules come from rules files (schemas/mock/rules.json) through rule_loader.h.
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock/faults/directives.h"
#include "mock/rules/recorded_reply.h"

namespace siraya::mock::rules {

// A condition on one piece of text. A plain string in a rules file is `equals` for names
// (model, headers) and `contains` for message text.
struct TextMatcher {
  enum class Kind { equals, contains, regex };
  Kind kind = Kind::equals;
  std::string text;    // equals / contains, or the regex source
  std::regex pattern;  // Kind::regex: ECMAScript, searched (not anchored)
  bool matches(std::string_view value) const;
};

// Conditions on the tool results after the last assistant message (docs/rules.md).
struct ToolResultCondition {
  bool present = true;                 // false: matches only when there are none
  std::optional<std::string> name;     // the tool that was called
  std::optional<TextMatcher> content;  // the result's text
};

struct Conditions {
  std::vector<std::string> endpoints;  // core::Endpoint::name values; empty: any generative one
  std::optional<TextMatcher> model;
  std::vector<std::pair<std::string, TextMatcher>> headers;  // lower-case names
  std::optional<TextMatcher> user_text;                      // the last user text
  std::optional<ToolResultCondition> tool_result;
  std::vector<std::string> tools_offered;  // every one must be offered
  std::optional<int> turn_min;             // assistant messages in the request
  std::optional<int> turn_max;
  std::optional<bool> stream;
  std::optional<nlohmann::json> body;  // the request body equals it, or with body_contains holds it
  bool body_contains = false;          // (mock/rules/json_subset.h)
};

struct ScriptedToolCall {
  std::string name;
  std::string arguments;  // compact JSON object text
};

// What a rule answers. Content (text, tool_calls, json) is rendered by the endpoint in its
// dialect; directives (the rule's error, fault and timing) use the x-siraya-mock vocabulary.
struct Reply {
  std::optional<std::string> text;
  std::vector<ScriptedToolCall> tool_calls;
  std::optional<std::string> json;           // a structured object, as compact JSON text
  faults::Directives directives;             // status, fault, delay, ...
  std::optional<std::string> error_message;  // replaces the message of `status`
  // An answer recorded from a real upstream, sent back as it was (not with content or directives).
  std::shared_ptr<const RecordedReply> recorded;
  bool has_content() const { return text || json || !tool_calls.empty(); }
};

struct Rule {
  std::string name;     // the rule's "name", or "#<index>"
  std::string where;    // "file#/rules/3"
  Conditions when;
  Reply reply;
};

struct RuleSet {
  std::vector<Rule> rules;  // in file order; files in command-line order
};

}  // namespace siraya::mock::rules
