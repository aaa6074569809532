// Rules semantics (docs/rules.md, "Semantics"), table-driven: which rule answers which request.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/schema/registry.h"
#include "mock/rules/conversation.h"
#include "mock/rules/matcher.h"
#include "mock/rules/rule_loader.h"

namespace siraya::mock::rules {
namespace {

using nlohmann::json;

std::shared_ptr<const RuleSet> load(const json& rules) {
  auto registry = core::schema::Registry::embedded();
  EXPECT_TRUE(registry);
  auto set = parse_rules(json{{"version", 1}, {"rules", rules}}.dump(), "test.json", registry->get());
  EXPECT_TRUE(set) << set.error().to_string();
  return set ? *set : std::make_shared<const RuleSet>();
}

// One rule per condition kind, in this order; the last one matches anything.
const json kRules = json::parse(R"([
  {"name": "model-regex", "when": {"model": {"regex": "^anthropic/"}}, "reply": {"text": "a"}},
  {"name": "header", "when": {"headers": {"X-Test-Id": "case-7"}}, "reply": {"text": "h"}},
  {"name": "stream-only", "when": {"stream": true, "user_text": "stream me"}, "reply": {"text": "s"}},
  {"name": "after-ls", "when": {"tool_result": {"name": "Bash", "content": {"regex": "README"}}}, "reply": {"text": "done"}},
  {"name": "any-result", "when": {"tool_result": true}, "reply": {"text": "ok"}},
  {"name": "list", "when": {"user_text": "list files", "tools_offered": ["Bash"], "tool_result": false},
   "reply": {"tool_calls": [{"name": "Bash", "arguments": {"command": "ls"}}]}},
  {"name": "second-turn", "when": {"turn": {"min": 2}}, "reply": {"text": "t"}},
  {"name": "exact", "when": {"user_text": {"equals": "hi"}}, "reply": {"text": "hello"}},
  {"name": "embeddings", "when": {"endpoint": "embeddings"}, "reply": {"error": {"status": 429}}},
  {"name": "fallback", "when": {"endpoint": ["chat_completions", "messages"]}, "reply": {"text": "f"}}
])");

struct Case {
  const char* label;
  const char* endpoint;
  const char* body;
  std::vector<std::pair<std::string, std::string>> headers;
  const char* expected;  // rule name, or "" for no match
};

const Case kCases[] = {
    {"model regex", "chat_completions", R"({"model":"anthropic/claude","messages":[{"role":"user","content":"x"}]})", {}, "model-regex"},
    {"header (case-insensitive name)", "chat_completions", R"({"model":"m","messages":[]})", {{"x-test-id", "case-7"}}, "header"},
    {"header value differs", "chat_completions", R"({"model":"m","messages":[]})", {{"x-test-id", "case-8"}}, "fallback"},
    {"stream condition", "chat_completions", R"({"model":"m","stream":true,"messages":[{"role":"user","content":"stream me"}]})", {}, "stream-only"},
    {"stream condition unmet", "chat_completions", R"({"model":"m","messages":[{"role":"user","content":"stream me"}]})", {}, "fallback"},
    {"first call offers the tool", "chat_completions",
     R"({"model":"m","tools":[{"type":"function","function":{"name":"Bash"}}],"messages":[{"role":"user","content":"please list files"}]})", {}, "list"},
    {"tool not offered", "chat_completions", R"({"model":"m","messages":[{"role":"user","content":"please list files"}]})", {}, "fallback"},
    {"trailing system message is skipped", "chat_completions",
     R"({"model":"m","tools":[{"type":"function","function":{"name":"Bash"}}],"messages":[{"role":"user","content":"list files"},{"role":"system","content":"reminder"}]})", {}, "list"},
    {"chat tool result by name and content", "chat_completions",
     R"({"model":"m","tools":[{"type":"function","function":{"name":"Bash"}}],"messages":[{"role":"user","content":"list files"},
        {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"Bash","arguments":"{}"}}]},
        {"role":"tool","tool_call_id":"c1","content":"README.md\nsrc"}]})", {}, "after-ls"},
    {"tool result with other content", "chat_completions",
     R"({"model":"m","messages":[{"role":"user","content":"list files"},
        {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"Bash","arguments":"{}"}}]},
        {"role":"tool","tool_call_id":"c1","content":"empty"}]})", {}, "any-result"},
    {"results before the last assistant message do not count", "chat_completions",
     R"({"model":"m","messages":[{"role":"user","content":"hi"},
        {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"Bash","arguments":"{}"}}]},
        {"role":"tool","tool_call_id":"c1","content":"README"},{"role":"assistant","content":"done"},{"role":"user","content":"hi"}]})", {}, "second-turn"},
    {"messages tool_result in a user message", "messages",
     R"({"model":"m","max_tokens":5,"tools":[{"name":"Bash","input_schema":{"type":"object"}}],"messages":[{"role":"user","content":"list files"},
        {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"Bash","input":{}}]},
        {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[{"type":"text","text":"README.md"}]}]}]})", {}, "after-ls"},
    {"messages: tool_result is not user text", "messages",
     R"({"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]},
        {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"Other","input":{}}]},
        {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"x"}]}]})", {}, "any-result"},
    {"responses function_call_output", "responses",
     R"({"model":"m","tools":[{"type":"function","name":"Bash"}],"input":[{"role":"user","content":"list files"},
        {"type":"function_call","call_id":"c1","name":"Bash","arguments":"{}"},
        {"type":"function_call_output","call_id":"c1","output":"README.md"}]})", {}, "after-ls"},
    {"responses string input", "responses", R"({"model":"m","input":"hi"})", {}, "exact"},
    {"equals is exact", "chat_completions", R"({"model":"m","messages":[{"role":"user","content":"hi there"}]})", {}, "fallback"},
    {"default endpoints exclude embeddings", "embeddings", R"({"model":"m","input":"hi"})", {}, "embeddings"},
    {"responses is not in the fallback list", "responses", R"({"model":"m","input":"nothing"})", {}, ""},
    {"not JSON matches only body-free rules", "chat_completions", "{", {}, "fallback"},
};

TEST(RulesMatching, FirstMatchInFileOrderWins) {
  const auto set = load(kRules);
  for (const auto& c : kCases) {
    Request request;
    request.headers = c.headers;
    request.body = c.body;
    const json body = json::parse(c.body, nullptr, false);
    const Conversation conversation = read_conversation(c.endpoint, body);
    const Rule* rule = find_rule(*set, MatchInput{c.endpoint, request, conversation, body});
    EXPECT_EQ(rule ? rule->name : std::string(), c.expected) << c.label;
  }
}

TEST(RulesMatching, TurnCountsAssistantMessages) {
  const json body = json::parse(R"({"model":"m","messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"},
      {"role":"user","content":"c"},{"role":"assistant","content":"d"},{"role":"user","content":"e"}]})");
  const Conversation c = read_conversation("chat_completions", body);
  EXPECT_EQ(c.assistant_turns, 2);
  EXPECT_EQ(c.last_user_text, "e");
  // Responses: reasoning, a message and parallel calls of one response are one turn.
  const json items = json::parse(R"({"model":"m","input":[{"role":"user","content":"a"},{"type":"reasoning","summary":[]},
      {"type":"function_call","call_id":"1","name":"x","arguments":"{}"},{"type":"function_call","call_id":"2","name":"y","arguments":"{}"},
      {"type":"function_call_output","call_id":"1","output":"r1"},{"type":"function_call_output","call_id":"2","output":"r2"}]})");
  const Conversation r = read_conversation("responses", items);
  EXPECT_EQ(r.assistant_turns, 1);
  ASSERT_EQ(r.tool_results.size(), 2u);
  EXPECT_EQ(r.tool_results[1].name, "y");
}

TEST(RulesMatching, NearestRulesNameTheFirstFailingCondition) {
  const auto set = load(json::parse(R"([
    {"name": "ls", "when": {"user_text": "list files", "model": "openai/gpt-4o"}, "reply": {"text": "a"}},
    {"name": "other", "when": {"user_text": "weather", "model": "x", "turn": 3}, "reply": {"text": "b"}}
  ])"));
  Request request;
  const json body = json::parse(R"({"model":"openai/gpt-4o","messages":[{"role":"user","content":"list the files"}]})");
  const Conversation conversation = read_conversation("chat_completions", body);
  const MatchInput input{"chat_completions", request, conversation, body};
  EXPECT_EQ(find_rule(*set, input), nullptr);
  EXPECT_EQ(nearest_rules(*set, input),
            "\"ls\" (test.json#/rules/0): user_text does not contain \"list files\"; "
            "\"other\" (test.json#/rules/1): model \"openai/gpt-4o\" is not \"x\"");
}

}  // namespace
}  // namespace siraya::mock::rules

namespace siraya::mock::rules {
namespace {

TEST(RulesMatching, BodyEqualsIsTheWholeBodyContainsMayHaveMore) {
  const auto set = load(json::parse(R"([
    {"name": "exact", "when": {"body": {"equals": {"model": "m", "messages": [{"role": "user", "content": "hi"}]}}},
     "reply": {"text": "e"}},
    {"name": "holds", "when": {"body": {"contains": {"model": "m"}}}, "reply": {"text": "c"}}
  ])"));
  const auto answer = [&](const char* text) {
    Request request;
    const json body = json::parse(text);
    const Conversation conversation = read_conversation("chat_completions", body);
    const Rule* rule = find_rule(*set, MatchInput{"chat_completions", request, conversation, body});
    return rule ? rule->name : std::string();
  };
  EXPECT_EQ(answer(R"({"messages":[{"content":"hi","role":"user"}],"model":"m"})"), "exact");  // key order aside
  EXPECT_EQ(answer(R"({"model":"m","messages":[{"role":"user","content":"hi"}],"stream":true})"), "holds");
  EXPECT_EQ(answer(R"({"model":"m","messages":[{"role":"user","content":"ho"}]})"), "holds");
  EXPECT_EQ(answer(R"({"model":"n","messages":[{"role":"user","content":"hi"}]})"), "");

  Request request;
  const json streamed = json::parse(R"({"model":"m","messages":[{"role":"user","content":"hi"}],"stream":true})");
  const Conversation conversation = read_conversation("chat_completions", streamed);
  EXPECT_EQ(mismatch(set->rules[0], MatchInput{"chat_completions", request, conversation, streamed}),
            "the body differs at /stream");
}

}  // namespace
}  // namespace siraya::mock::rules
