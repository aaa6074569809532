// contract.*: each row is a request and the final answer object, with the ids the check must
// report (none for a valid answer).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "harness/checks/checks.h"

namespace siraya::harness {
namespace {

using nlohmann::json;

struct Row {
  std::string name;
  std::string endpoint;
  json request;
  json response;
  std::set<std::string> ids;  // exactly the ids reported
  bool streamed = false;
};

const json kWeatherSchema = {{"type", "object"},
                             {"properties", {{"city", {{"type", "string"}}}, {"days", {{"type", "integer"}}}}},
                             {"required", {"city"}},
                             {"additionalProperties", false}};

json chat_request(json extra = json::object()) {
  json r = {{"model", "openai/gpt-4o"},
            {"messages", {{{"role", "user"}, {"content", "Weather?"}}}},
            {"tools", {{{"type", "function"}, {"function", {{"name", "get_weather"}, {"parameters", kWeatherSchema}}}}}}};
  r.update(extra);
  return r;
}

json chat_call(const std::string& name, const std::string& arguments, int index = 0) {
  return {{"id", "call_" + std::to_string(index)},
          {"type", "function"},
          {"function", {{"name", name}, {"arguments", arguments}}}};
}

json chat_answer(json tool_calls, const std::string& finish = "tool_calls", json content = nullptr) {
  json message = {{"role", "assistant"}, {"content", content}};
  if (!tool_calls.empty()) message["tool_calls"] = tool_calls;
  return {{"id", "chatcmpl-1"}, {"choices", {{{"index", 0}, {"message", message}, {"finish_reason", finish}}}}};
}

json strict_tool(json request) {
  request["tools"][0]["function"]["strict"] = true;
  return request;
}

json chat_format(json format) { return chat_request({{"response_format", format}, {"tools", json::array()}}); }

json responses_request(json extra = json::object()) {
  json r = {{"model", "openai/gpt-4o"},
            {"input", "Weather?"},
            {"tools", {{{"type", "function"}, {"name", "get_weather"}, {"parameters", kWeatherSchema}}}}};
  r.update(extra);
  return r;
}

json responses_answer(json output, const std::string& status = "completed") {
  return {{"id", "resp_1"}, {"status", status}, {"output", output}};
}

json function_call(const std::string& name, const std::string& arguments) {
  return {{"type", "function_call"}, {"id", "fc_1"}, {"call_id", "call_1"}, {"name", name}, {"arguments", arguments}};
}

json output_text(const std::string& text) {
  return {{"type", "message"}, {"id", "msg_1"}, {"role", "assistant"},
          {"content", {{{"type", "output_text"}, {"text", text}, {"annotations", json::array()}}}}};
}

json messages_request(json extra = json::object()) {
  json r = {{"model", "anthropic/claude-sonnet-4.5"},
            {"max_tokens", 256},
            {"messages", {{{"role", "user"}, {"content", "Weather?"}}}},
            {"tools", {{{"name", "get_weather"}, {"input_schema", kWeatherSchema}}}}};
  r.update(extra);
  return r;
}

json messages_answer(json content, const std::string& stop_reason = "tool_use", json stop_sequence = nullptr) {
  return {{"id", "msg_1"}, {"type", "message"}, {"content", content}, {"stop_reason", stop_reason},
          {"stop_sequence", stop_sequence}};
}

json tool_use(const std::string& name, json input) {
  return {{"type", "tool_use"}, {"id", "toolu_1"}, {"name", name}, {"input", input}};
}

json text_block(const std::string& text) { return {{"type", "text"}, {"text", text}}; }

std::vector<Row> rows() {
  const std::string good = R"({"city":"Paris"})";
  const std::string wrong_type = R"({"city":"Paris","days":"two"})";
  const std::string missing = R"({"days":2})";
  const json schema_format = {{"type", "json_schema"},
                              {"json_schema", {{"name", "w"}, {"schema", kWeatherSchema}, {"strict", true}}}};
  json loose_format = schema_format;
  loose_format["json_schema"]["strict"] = false;
  return {
      // chat: tool calls
      {"chat_valid_call", "chat_completions", chat_request(), chat_answer({chat_call("get_weather", good)}), {}},
      {"chat_text_without_tool_choice", "chat_completions", chat_request(),
       chat_answer(json::array(), "stop", "Sunny."), {}},
      {"chat_unknown_tool", "chat_completions", chat_request(), chat_answer({chat_call("get_time", good)}),
       {"contract.tool_unknown"}},
      {"chat_strict_arguments_invalid", "chat_completions", strict_tool(chat_request()),
       chat_answer({chat_call("get_weather", wrong_type)}), {"contract.tool_arguments"}},
      {"chat_nonstrict_arguments_invalid", "chat_completions", chat_request(),
       chat_answer({chat_call("get_weather", missing)}), {"contract.tool_arguments_nonstrict"}},
      {"chat_arguments_not_json", "chat_completions", chat_request(), chat_answer({chat_call("get_weather", "{\"city\":")}),
       {"contract.tool_arguments"}},
      // A stream's own checks report unparsable arguments; the contract check does not repeat it.
      {"chat_streamed_arguments_not_json", "chat_completions", chat_request(),
       chat_answer({chat_call("get_weather", "{\"city\":")}), {}, true},
      {"chat_arguments_not_object", "chat_completions", chat_request(), chat_answer({chat_call("get_weather", "[1]")}),
       {"contract.tool_arguments"}},
      {"chat_cut_arguments", "chat_completions", chat_request(),
       chat_answer({chat_call("get_weather", "{\"city\":")}, "length"), {}},
      {"chat_tool_choice_none_called", "chat_completions", chat_request({{"tool_choice", "none"}}),
       chat_answer({chat_call("get_weather", good)}), {"contract.tool_choice"}},
      {"chat_tool_choice_required_text", "chat_completions", chat_request({{"tool_choice", "required"}}),
       chat_answer(json::array(), "stop", "Sunny."), {"contract.tool_choice"}},
      {"chat_tool_choice_required_cut", "chat_completions", chat_request({{"tool_choice", "required"}}),
       chat_answer(json::array(), "length", "Sun"), {}},
      {"chat_tool_choice_named_other", "chat_completions",
       chat_request({{"tool_choice", {{"type", "function"}, {"function", {{"name", "get_time"}}}}},
                     {"tools", {{{"type", "function"}, {"function", {{"name", "get_weather"}}}},
                                {{"type", "function"}, {"function", {{"name", "get_time"}}}}}}}),
       chat_answer({chat_call("get_weather", good)}), {"contract.tool_choice"}},
      {"chat_parallel_disallowed", "chat_completions", chat_request({{"parallel_tool_calls", false}}),
       chat_answer({chat_call("get_weather", good, 0), chat_call("get_weather", good, 1)}),
       {"contract.parallel_tool_calls"}},
      {"chat_parallel_allowed", "chat_completions", chat_request(),
       chat_answer({chat_call("get_weather", good, 0), chat_call("get_weather", good, 1)}), {}},
      // chat: structured output and n
      {"chat_schema_valid", "chat_completions", chat_format(schema_format), chat_answer(json::array(), "stop", good), {}},
      {"chat_schema_invalid", "chat_completions", chat_format(schema_format),
       chat_answer(json::array(), "stop", missing), {"contract.structured_output"}},
      {"chat_schema_not_json", "chat_completions", chat_format(schema_format),
       chat_answer(json::array(), "stop", "Paris is sunny"), {"contract.structured_output"}},
      {"chat_schema_cut", "chat_completions", chat_format(schema_format),
       chat_answer(json::array(), "length", "{\"ci"), {}},
      {"chat_nonstrict_schema_invalid", "chat_completions", chat_format(loose_format),
       chat_answer(json::array(), "stop", missing), {"contract.structured_output_nonstrict"}},
      {"chat_json_object_array", "chat_completions", chat_format({{"type", "json_object"}}),
       chat_answer(json::array(), "stop", "[1]"), {"contract.structured_output"}},
      {"chat_legacy_json_schema", "chat_completions", chat_format({{"type", "json"}, {"schema", kWeatherSchema}}),
       chat_answer(json::array(), "stop", missing), {"contract.structured_output_nonstrict"}},
      {"chat_legacy_json_not_json", "chat_completions", chat_format({{"type", "json"}}),
       chat_answer(json::array(), "stop", "plain"), {"contract.structured_output"}},
      {"chat_text_format", "chat_completions", chat_format({{"type", "text"}}),
       chat_answer(json::array(), "stop", "plain"), {}},
      {"chat_n_mismatch", "chat_completions", chat_request({{"n", 2}, {"tools", json::array()}}),
       chat_answer(json::array(), "stop", "one"), {"contract.choice_count"}},
      // responses
      {"responses_valid_call", "responses", responses_request(), responses_answer({function_call("get_weather", good)}), {}},
      {"responses_unknown_tool", "responses", responses_request(),
       responses_answer({function_call("lookup", good)}), {"contract.tool_unknown"}},
      {"responses_nonstrict_invalid", "responses", responses_request(),
       responses_answer({function_call("get_weather", missing)}), {"contract.tool_arguments_nonstrict"}},
      {"responses_tool_choice_named_text", "responses",
       responses_request({{"tool_choice", {{"type", "function"}, {"name", "get_weather"}}}}),
       responses_answer({output_text("Sunny")}), {"contract.tool_choice"}},
      {"responses_format_valid", "responses",
       responses_request({{"tools", json::array()},
                          {"text", {{"format", {{"type", "json_schema"}, {"name", "w"}, {"schema", kWeatherSchema},
                                                {"strict", true}}}}}}),
       responses_answer({output_text(good)}), {}},
      {"responses_format_invalid", "responses",
       responses_request({{"tools", json::array()},
                          {"text", {{"format", {{"type", "json_schema"}, {"name", "w"}, {"schema", kWeatherSchema},
                                                {"strict", true}}}}}}),
       responses_answer({output_text(wrong_type)}), {"contract.structured_output"}},
      {"responses_format_incomplete", "responses",
       responses_request({{"tools", json::array()},
                          {"text", {{"format", {{"type", "json_schema"}, {"name", "w"}, {"schema", kWeatherSchema}}}}}}),
       responses_answer({output_text("{\"ci")}, "incomplete"), {}},
      // messages
      {"messages_valid_tool_use", "messages", messages_request(), messages_answer({tool_use("get_weather", {{"city", "Paris"}})}),
       {}},
      {"messages_unknown_tool", "messages", messages_request(),
       messages_answer({tool_use("get_time", json::object())}), {"contract.tool_unknown"}},
      {"messages_input_invalid", "messages", messages_request(),
       messages_answer({tool_use("get_weather", {{"days", 1}})}), {"contract.tool_arguments_nonstrict"}},
      {"messages_any_text", "messages", messages_request({{"tool_choice", {{"type", "any"}}}}),
       messages_answer({text_block("Sunny")}, "end_turn"), {"contract.tool_choice"}},
      {"messages_parallel_disabled", "messages",
       messages_request({{"tool_choice", {{"type", "auto"}, {"disable_parallel_tool_use", true}}}}),
       messages_answer({tool_use("get_weather", {{"city", "Paris"}}), tool_use("get_weather", {{"city", "Rome"}})}),
       {"contract.parallel_tool_calls"}},
      {"messages_stop_sequence_named", "messages", messages_request({{"stop_sequences", {"END"}}, {"tools", json::array()}}),
       messages_answer({text_block("Sunny")}, "stop_sequence", "END"), {}},
      {"messages_stop_sequence_unknown", "messages",
       messages_request({{"stop_sequences", {"END"}}, {"tools", json::array()}}),
       messages_answer({text_block("Sunny")}, "stop_sequence", "STOP"), {"contract.stop_sequence"}},
      // usage adds up
      {"chat_usage_sum", "chat_completions", chat_request(),
       json{{"choices", json::array()}, {"usage", {{"prompt_tokens", 3}, {"completion_tokens", 2}, {"total_tokens", 5}}}}, {}},
      {"chat_usage_total_wrong", "chat_completions", chat_request(),
       json{{"choices", json::array()}, {"usage", {{"prompt_tokens", 3}, {"completion_tokens", 2}, {"total_tokens", 6}}}},
       {"usage.total_mismatch"}},
      {"chat_streamed_usage_left_to_the_stream_checks", "chat_completions", chat_request(),
       json{{"choices", json::array()}, {"usage", {{"prompt_tokens", 3}, {"completion_tokens", 2}, {"total_tokens", 6}}}},
       {}, true},
      {"responses_usage_total_wrong", "responses", responses_request(),
       json{{"output", json::array()}, {"usage", {{"input_tokens", 9}, {"output_tokens", 3}, {"total_tokens", 9}}}},
       {"usage.total_mismatch"}},
      {"responses_reasoning_over_output", "responses", responses_request(),
       json{{"output", json::array()},
            {"usage", {{"input_tokens", 9}, {"output_tokens", 3}, {"total_tokens", 12},
                       {"output_tokens_details", {{"reasoning_tokens", 4}}}}}},
       {"usage.total_mismatch"}},
      // Endpoints without a contract, and bodies that are not objects, are left to the schema checks.
      {"embeddings_ignored", "embeddings", json{{"input", "x"}}, json{{"data", json::array()}}, {}},
      {"chat_body_not_object", "chat_completions", chat_request(), json::array(), {}},
  };
}

class RequestContract : public ::testing::TestWithParam<Row> {};

TEST_P(RequestContract, ReportsExactlyTheBrokenPromises) {
  const Row& row = GetParam();
  const core::Findings findings = check_request_contract(row.endpoint, row.request, row.response, row.streamed);
  std::set<std::string> ids;
  std::string all;
  for (const auto& f : findings) {
    ids.insert(f.id);
    all += "\n  " + f.to_string();
    EXPECT_FALSE(f.location.empty()) << f.id;
    EXPECT_FALSE(f.fix.empty()) << f.id;
  }
  EXPECT_EQ(ids, row.ids) << all;
}

INSTANTIATE_TEST_SUITE_P(Table, RequestContract, ::testing::ValuesIn(rows()),
                         [](const auto& row_info) { return row_info.param.name; });

TEST(RequestContractLocation, SchemaViolationsPointIntoTheArguments) {
  const json request = strict_tool(chat_request());
  const json answer = chat_answer({chat_call("get_weather", R"({"city":"Paris","days":"two"})")});
  const core::Findings findings = check_request_contract("chat_completions", request, answer, false);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(findings[0].location.find("body#/choices/0/message/tool_calls/0/function/arguments"), std::string::npos)
      << findings[0].to_string();
  EXPECT_NE(findings[0].location.find("/days"), std::string::npos) << findings[0].to_string();
}

}  // namespace
}  // namespace siraya::harness
