// POST /v1/responses (reference responses.md): the Response object (§5), the event stream (§6)
// and its agreement with the non-streamed answer, function calls, max_output_tokens.
#include <algorithm>
#include <set>

#include "core/sse/decoder.h"
#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

json responses_request(const std::string& prompt = "Tell me about rivers.") {
  return {{"model", "openai/gpt-4o"}, {"input", prompt}};
}

json weather_tool() {
  return json::parse(R"({"type":"function","name":"get_weather","description":"Current weather",
    "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}})");
}

struct Stream {
  std::vector<std::string> names;  // event: lines
  std::vector<json> events;        // data, parsed, without [DONE]
  bool done_last = false;
};

class ResponsesTest : public MockTest {
 protected:
  void SetUp() override {
    Options options;
    options.strict = true;  // every body and event must pass the bundled schemas
    restart(options);
  }
  httplib::Result post(const json& body) {
    return client().Post("/v1/responses", auth_headers(), body.dump(), "application/json");
  }
  json complete(const json& body) {
    auto res = post(body);
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, 200) << res->body;
    return json_of(res);
  }
  Stream stream(json body) {
    body["stream"] = true;
    Stream s;
    auto res = post(body);
    EXPECT_TRUE(res);
    if (!res) return s;
    EXPECT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type").rfind("text/event-stream", 0), 0u);
    const auto decoded = core::sse::decode_all(res->body);
    EXPECT_TRUE(decoded.findings.empty()) << decoded.findings.front().to_string();
    for (std::size_t i = 0; i < decoded.events.size(); ++i) {
      const auto& e = decoded.events[i];
      EXPECT_EQ(e.data_lines, 1u);
      if (e.data == "[DONE]") {
        EXPECT_TRUE(e.type.empty());
        s.done_last = i + 1 == decoded.events.size();
        continue;
      }
      s.names.push_back(e.type);
      s.events.push_back(json::parse(e.data, nullptr, false));
    }
    return s;
  }
};

// Checks the §6 rules common to every stream and returns the event types.
std::vector<std::string> check_framing(const Stream& s) {
  std::vector<std::string> types;
  EXPECT_TRUE(s.done_last) << "the stream must end with data: [DONE]";
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    const json& e = s.events[i];
    EXPECT_EQ(e["type"], s.names[i]) << "event: line must equal the JSON type";
    EXPECT_EQ(e["sequence_number"], i) << "sequence_number contiguous from 0";
    types.push_back(e["type"].get<std::string>());
  }
  return types;
}

json without_clock(json response) {
  response.erase("created_at");
  response.erase("completed_at");
  return response;
}

TEST_F(ResponsesTest, BodyCarriesEveryRequiredKey) {
  const json r = complete(responses_request());
  for (const char* key : {"id", "object", "created_at", "completed_at", "status", "incomplete_details", "error", "model",
                          "previous_response_id", "instructions", "output", "tools", "tool_choice", "truncation",
                          "parallel_tool_calls", "text", "top_p", "temperature", "presence_penalty", "frequency_penalty",
                          "top_logprobs", "reasoning", "usage", "max_output_tokens", "max_tool_calls", "store",
                          "background", "service_tier", "metadata", "safety_identifier", "prompt_cache_key"}) {
    EXPECT_TRUE(r.contains(key)) << key;
  }
  EXPECT_EQ(r["object"], "response");
  EXPECT_EQ(r["id"].get<std::string>().rfind("resp_", 0), 0u);
  EXPECT_TRUE(r["created_at"].is_number_integer());
  EXPECT_EQ(r["status"], "completed");
  EXPECT_EQ(r["model"], "openai/gpt-4o");
  ASSERT_EQ(r["output"].size(), 1u);
  const json& item = r["output"][0];
  EXPECT_EQ(item["type"], "message");
  EXPECT_EQ(item["id"].get<std::string>().rfind("msg_", 0), 0u);
  EXPECT_EQ(item["role"], "assistant");
  EXPECT_EQ(item["content"][0]["type"], "output_text");
  EXPECT_FALSE(item["content"][0]["text"].get<std::string>().empty());
  const json& usage = r["usage"];
  EXPECT_GT(usage["input_tokens"].get<int>(), 0);
  EXPECT_GT(usage["output_tokens"].get<int>(), 0);
  EXPECT_EQ(usage["total_tokens"], usage["input_tokens"].get<int>() + usage["output_tokens"].get<int>());
  EXPECT_EQ(usage["input_tokens_details"]["cached_tokens"], 0);
  EXPECT_EQ(usage["output_tokens_details"]["reasoning_tokens"], 0);
}

TEST_F(ResponsesTest, InstructionsAndSamplingAreEchoed) {
  json body = responses_request();
  body["instructions"] = "Be brief.";
  body["temperature"] = 0.5;
  body["metadata"] = {{"run", "7"}};
  const json r = complete(body);
  EXPECT_EQ(r["instructions"], "Be brief.");
  EXPECT_EQ(r["temperature"], 0.5);
  EXPECT_EQ(r["metadata"]["run"], "7");
}

TEST_F(ResponsesTest, SameRequestSameAnswer) {
  const json a = complete(responses_request());
  const json b = complete(responses_request());
  EXPECT_EQ(without_clock(a), without_clock(b));
  const json c = complete(responses_request("Something else entirely."));
  EXPECT_NE(a["output"][0]["content"][0]["text"], c["output"][0]["content"][0]["text"]);
}

TEST_F(ResponsesTest, TextStreamFollowsTheLifecycleAndMatchesTheBody) {
  const json body = responses_request();
  const json full = complete(body);
  const Stream s = stream(body);
  const auto types = check_framing(s);
  ASSERT_GE(types.size(), 9u);
  EXPECT_EQ(types[0], "response.created");
  EXPECT_EQ(types[1], "response.in_progress");
  EXPECT_EQ(types[2], "response.output_item.added");
  EXPECT_EQ(types[3], "response.content_part.added");
  const std::size_t n = types.size();
  EXPECT_EQ(types[n - 4], "response.output_text.done");
  EXPECT_EQ(types[n - 3], "response.content_part.done");
  EXPECT_EQ(types[n - 2], "response.output_item.done");
  EXPECT_EQ(types[n - 1], "response.completed");
  ASSERT_GT(n - 4, 4u);
  for (std::size_t i = 4; i < n - 4; ++i) EXPECT_EQ(types[i], "response.output_text.delta");

  const json& created = s.events[0]["response"];
  EXPECT_EQ(created["status"], "in_progress");
  EXPECT_TRUE(created["usage"].is_null());
  EXPECT_TRUE(created["output"].empty());
  EXPECT_EQ(created["id"], full["id"]);

  const std::string item_id = full["output"][0]["id"];
  std::string text;
  for (std::size_t i = 3; i < n - 2; ++i) {
    EXPECT_EQ(s.events[i]["item_id"], item_id);
    EXPECT_EQ(s.events[i]["output_index"], 0);
    if (types[i] == "response.output_text.delta") {
      text += s.events[i]["delta"].get<std::string>();
      EXPECT_EQ(s.events[i]["logprobs"], json::array());
    }
  }
  EXPECT_EQ(text, full["output"][0]["content"][0]["text"]);
  EXPECT_EQ(s.events[n - 4]["text"], text);
  EXPECT_EQ(without_clock(s.events[n - 1]["response"]), without_clock(full));
}

TEST_F(ResponsesTest, RequiredToolChoiceCallsTheFunction) {
  json body = responses_request("Hello");
  body["tools"] = json::array({weather_tool()});
  body["tool_choice"] = "required";
  const json full = complete(body);
  EXPECT_EQ(full["status"], "completed");
  ASSERT_EQ(full["output"].size(), 1u);
  const json& call = full["output"][0];
  EXPECT_EQ(call["type"], "function_call");
  EXPECT_EQ(call["id"].get<std::string>().rfind("fc_", 0), 0u);
  EXPECT_FALSE(call["call_id"].get<std::string>().empty());
  EXPECT_EQ(call["name"], "get_weather");
  const json args = json::parse(call["arguments"].get<std::string>(), nullptr, false);
  ASSERT_TRUE(args.is_object());
  EXPECT_TRUE(args["city"].is_string());
  EXPECT_EQ(full["tools"][0]["name"], "get_weather");
  EXPECT_TRUE(full["tools"][0]["strict"].is_null());

  const Stream s = stream(body);
  const auto types = check_framing(s);
  std::string arguments;
  std::size_t deltas = 0;
  for (std::size_t i = 0; i < types.size(); ++i) {
    if (types[i] == "response.function_call_arguments.delta") {
      arguments += s.events[i]["delta"].get<std::string>();
      ++deltas;
      EXPECT_EQ(s.events[i]["item_id"], call["id"]);
    }
  }
  EXPECT_GT(deltas, 1u) << "arguments arrive in several fragments";
  EXPECT_EQ(arguments, call["arguments"]);
  const std::vector<std::string> expected_tail = {"response.function_call_arguments.done", "response.output_item.done",
                                                  "response.completed"};
  EXPECT_EQ(std::vector<std::string>(types.end() - 3, types.end()), expected_tail);
  EXPECT_EQ(types[2], "response.output_item.added");
  EXPECT_EQ(s.events[2]["item"]["arguments"], "");
  EXPECT_EQ(s.events[types.size() - 3]["name"], "get_weather");
  EXPECT_EQ(s.events[types.size() - 3]["arguments"], call["arguments"]);
  EXPECT_EQ(without_clock(s.events.back()["response"]), without_clock(full));
}

TEST_F(ResponsesTest, ToolChoiceNoneAnswersInText) {
  json body = responses_request("Call get_weather please");
  body["tools"] = json::array({weather_tool()});
  body["tool_choice"] = "none";
  EXPECT_EQ(complete(body)["output"][0]["type"], "message");
}

TEST_F(ResponsesTest, FunctionCallOutputGetsATextAnswer) {
  json body = responses_request();
  body["tools"] = json::array({weather_tool()});
  body["input"] = json::parse(R"([
    {"type":"message","role":"user","content":[{"type":"input_text","text":"Weather in Paris? use get_weather"},
      {"type":"input_image","image_url":"data:image/png;base64,iVBORw0KGgo="}]},
    {"type":"function_call","call_id":"call_1","name":"get_weather","arguments":"{\"city\":\"Paris\"}"},
    {"type":"function_call_output","call_id":"call_1","output":"{\"temp_c\":18}"}])");
  const json r = complete(body);
  ASSERT_EQ(r["output"].size(), 1u);
  EXPECT_EQ(r["output"][0]["type"], "message");
}

// The user's words mention get_weather, but the input ends with its output: "auto" answers in text,
// "required" still calls (docs/determinism.md#tool-calls).
TEST_F(ResponsesTest, AutoAfterFunctionCallOutputAnswersInTextRequiredStillCalls) {
  json body = responses_request();
  body["tools"] = json::array({weather_tool()});
  body["input"] = json::parse(R"([
    {"type":"message","role":"user","content":"What is the weather in Oslo?"},
    {"type":"function_call","call_id":"call_1","name":"get_weather","arguments":"{\"city\":\"Oslo\"}"},
    {"type":"function_call_output","call_id":"call_1","output":"rainy"}])");
  const json r = complete(body);
  ASSERT_EQ(r["output"].size(), 1u);
  EXPECT_EQ(r["output"][0]["type"], "message");
  const std::string text = r["output"][0]["content"][0]["text"];
  EXPECT_NE(text.find("tool"), std::string::npos) << text;
  body["tool_choice"] = "required";
  EXPECT_EQ(complete(body)["output"].back()["type"], "function_call");
}

// responses.md §6.3: the cut item ends incomplete and the response ends with response.incomplete.
TEST_F(ResponsesTest, MaxOutputTokensMakesTheResponseIncomplete) {
  // Find a prompt whose answer is longer than the limit; answers have 20 to 120 words
  // (docs/generated-text.md).
  json body;
  for (int i = 0; i < 50 && body.is_null(); ++i) {
    json candidate = responses_request("Prompt number " + std::to_string(i));
    if (complete(candidate)["usage"]["output_tokens"].get<int>() > 24) body = candidate;
  }
  ASSERT_FALSE(body.is_null());
  const std::string uncut = complete(body)["output"][0]["content"][0]["text"];
  body["max_output_tokens"] = 16;
  const json r = complete(body);
  EXPECT_EQ(r["status"], "incomplete");
  EXPECT_EQ(r["incomplete_details"]["reason"], "max_output_tokens");
  EXPECT_EQ(r["output"][0]["status"], "incomplete");
  EXPECT_EQ(r["usage"]["output_tokens"], 16);
  const std::string cut = r["output"][0]["content"][0]["text"];
  EXPECT_EQ(uncut.rfind(cut, 0), 0u) << "the cut text is a prefix of the full answer";

  const Stream s = stream(body);
  const auto types = check_framing(s);
  EXPECT_EQ(types.back(), "response.incomplete");
  EXPECT_EQ(s.events.back()["response"]["status"], "incomplete");
  EXPECT_EQ(s.events[types.size() - 2]["item"]["status"], "incomplete");
}

TEST_F(ResponsesTest, JsonSchemaFormatGivesJsonText) {
  json body = responses_request();
  body["text"] = json::parse(R"({"format":{"type":"json_schema","name":"city","schema":{"type":"object",
    "properties":{"name":{"type":"string"}},"required":["name"],"additionalProperties":false}}})");
  const json r = complete(body);
  const json text = json::parse(r["output"][0]["content"][0]["text"].get<std::string>(), nullptr, false);
  ASSERT_TRUE(text.is_object());
  EXPECT_TRUE(text["name"].is_string());
  const json& format = r["text"]["format"];
  EXPECT_EQ(format["type"], "json_schema");
  EXPECT_TRUE(format.contains("description"));
  EXPECT_TRUE(format.contains("strict"));
}

TEST_F(ResponsesTest, ReasoningSummaryComesFirstAndStreamsAsSummaryEvents) {
  json body = responses_request();
  body["reasoning"] = {{"effort", "low"}, {"summary", "auto"}};
  const json full = complete(body);
  ASSERT_EQ(full["output"].size(), 2u);
  EXPECT_EQ(full["output"][0]["type"], "reasoning");
  EXPECT_GT(full["usage"]["output_tokens_details"]["reasoning_tokens"].get<int>(), 0);
  const Stream s = stream(body);
  const auto types = check_framing(s);
  std::string summary;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < types.size(); ++i) {
    if (types[i] == "response.reasoning_summary_text.delta") summary += s.events[i]["delta"].get<std::string>();
    if (types[i] == "response.output_item.added") ids.insert(s.events[i]["item"]["id"].get<std::string>());
  }
  EXPECT_EQ(summary, full["output"][0]["summary"][0]["text"]);
  EXPECT_EQ(ids.size(), 2u) << "distinct item ids";
  EXPECT_EQ(without_clock(s.events.back()["response"]), without_clock(full));
}

TEST_F(ResponsesTest, StoreBackgroundAndIdentifiersAreEchoed) {
  json body = responses_request();
  body["store"] = false;
  body["background"] = true;
  body["safety_identifier"] = "user-42";
  body["prompt_cache_key"] = "suite-cache";
  const json r = complete(body);
  EXPECT_EQ(r["store"], false);
  EXPECT_EQ(r["background"], true);
  EXPECT_EQ(r["safety_identifier"], "user-42");
  EXPECT_EQ(r["prompt_cache_key"], "suite-cache");
  // The mock keeps nothing to poll, so a buffered background request is answered at once.
  EXPECT_EQ(r["status"], "completed");
  const json plain = complete(responses_request());
  EXPECT_EQ(plain["background"], false);
  EXPECT_TRUE(plain["safety_identifier"].is_null());
  EXPECT_TRUE(plain["prompt_cache_key"].is_null());
}

// responses.md §6.3: a response.queued event may precede response.in_progress for background
// requests. The mock sends it, with response.created, as status "queued"; the rest of the stream
// is the ordinary one and ends as the buffered answer does.
TEST_F(ResponsesTest, BackgroundStreamIsQueuedBeforeInProgress) {
  json body = responses_request();
  body["background"] = true;
  const json full = complete(body);
  const Stream s = stream(body);
  const auto types = check_framing(s);
  ASSERT_GE(types.size(), 4u);
  EXPECT_EQ(types[0], "response.created");
  EXPECT_EQ(types[1], "response.queued");
  EXPECT_EQ(types[2], "response.in_progress");
  EXPECT_EQ(types[3], "response.output_item.added");
  EXPECT_EQ(std::count(types.begin(), types.end(), "response.queued"), 1);
  EXPECT_EQ(s.events[0]["response"]["status"], "queued");
  EXPECT_EQ(s.events[1]["response"]["status"], "queued");
  EXPECT_EQ(s.events[2]["response"]["status"], "in_progress");
  for (std::size_t i = 0; i < 3; ++i) {
    const json& snapshot = s.events[i]["response"];
    EXPECT_EQ(snapshot["id"], full["id"]);
    EXPECT_EQ(snapshot["background"], true);
    EXPECT_TRUE(snapshot["output"].empty());
    EXPECT_TRUE(snapshot["usage"].is_null());
  }
  EXPECT_EQ(types.back(), "response.completed");
  EXPECT_EQ(without_clock(s.events.back()["response"]), without_clock(full));

  // Without background (or with background false) there is no queued phase.
  body["background"] = false;
  const auto plain = check_framing(stream(body));
  ASSERT_GE(plain.size(), 2u);
  EXPECT_EQ(plain[1], "response.in_progress");
  EXPECT_EQ(std::count(plain.begin(), plain.end(), "response.queued"), 0);
}

}  // namespace
}  // namespace siraya::mock::testing
