// Structured output and tool arguments on the three dialects: what the mock generates from a
// request's JSON Schema validates against it (checked with the harness's validator), buffered and
// streamed alike, and a schema the generator cannot satisfy is a 400 whose `param` names the
// keyword inside the request (chat-completions.md §3.1 and §4, responses.md §3-§4, messages.md §4).
#include <gtest/gtest.h>

#include "core/schema/registry.h"
#include "core/sse/decoder.h"
#include "tests/unit/mock/mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

const char* kPerson = R"({"type": "object", "additionalProperties": false, "required": ["name", "age", "email", "tags", "address"],
  "properties": {"name": {"type": "string", "minLength": 1}, "age": {"type": "integer", "minimum": 0, "maximum": 130},
    "email": {"type": "string", "format": "email"}, "tags": {"type": "array", "items": {"enum": ["a", "b", "c"]}, "uniqueItems": true},
    "address": {"$ref": "#/$defs/address"}},
  "$defs": {"address": {"type": "object", "required": ["city", "zip"], "additionalProperties": false,
    "properties": {"city": {"type": "string"}, "zip": {"type": "string", "pattern": "^[0-9]{5}$"}}}}})";

const char* kBadAge = R"({"type": "object", "required": ["age"],
  "properties": {"age": {"type": "integer", "minimum": 10, "maximum": 5}}})";

std::string violations(const json& schema, const json& value) {
  auto findings = core::schema::Registry::validate_inline(schema, value, "output");
  if (!findings) return findings.error().to_string();
  std::string out;
  for (const auto& f : *findings) out += f.location + ": " + f.what + "\n";
  return out;
}

json parse_text(const json& text) {
  EXPECT_TRUE(text.is_string()) << text;
  return text.is_string() ? json::parse(text.get<std::string>(), nullptr, false) : json();
}

class StructuredOutput : public MockTest {
 protected:
  void SetUp() override {
    Options options;
    options.strict = true;
    restart(options);
  }
  httplib::Result post(const char* path, const json& body) {
    httplib::Headers headers = auth_headers();
    if (std::string(path) == "/v1/messages") headers = {{"x-api-key", kKey}, {"anthropic-version", "2023-06-01"}};
    return client().Post(path, headers, body.dump(), "application/json");
  }
  json ok(const char* path, const json& body) {
    auto res = post(path, body);
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, 200) << res->body;
    return json_of(res);
  }
  // The 400's error object (error.param, error.message).
  json rejected(const char* path, const json& body) {
    auto res = post(path, body);
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, 400) << res->body;
    return json_of(res)["error"];
  }
};

json chat_with_format(const json& schema) {
  json body = chat_request("Describe a person.");
  body["response_format"] = {{"type", "json_schema"}, {"json_schema", {{"name", "person"}, {"strict", true}, {"schema", schema}}}};
  return body;
}

json chat_with_tool(const json& schema) {
  json body = chat_request("Please call save_person now.");
  body["tools"] = json::array({{{"type", "function"}, {"function", {{"name", "noop"}, {"parameters", {{"type", "object"}}}}}},
                               {{"type", "function"}, {"function", {{"name", "save_person"}, {"parameters", schema}}}}});
  body["tool_choice"] = {{"type", "function"}, {"function", {{"name", "save_person"}}}};
  return body;
}

json responses_request(const std::string& prompt) { return {{"model", "openai/gpt-4o"}, {"input", prompt}}; }

json messages_request(const std::string& prompt) {
  return {{"model", "anthropic/claude-sonnet-4.5"}, {"max_tokens", 1024}, {"messages", {{{"role", "user"}, {"content", prompt}}}}};
}

TEST_F(StructuredOutput, ChatJsonSchemaContentValidates) {
  const json schema = json::parse(kPerson);
  for (int seed = 0; seed < 10; ++seed) {
    json body = chat_with_format(schema);
    body["seed"] = seed;
    const json r = ok("/v1/chat/completions", body);
    const json content = parse_text(r["choices"][0]["message"]["content"]);
    EXPECT_EQ(violations(schema, content), "") << content;
    EXPECT_EQ(r["choices"][0]["finish_reason"], "stop");
  }
}

TEST_F(StructuredOutput, ChatLegacyJsonFormatWithSchema) {
  json body = chat_request("Describe a person.");
  body["response_format"] = {{"type", "json"}, {"schema", json::parse(kPerson)}};
  const json content = parse_text(ok("/v1/chat/completions", body)["choices"][0]["message"]["content"]);
  EXPECT_EQ(violations(json::parse(kPerson), content), "") << content;
}

TEST_F(StructuredOutput, ChatStreamedContentIsTheSameDocument) {
  json body = chat_with_format(json::parse(kPerson));
  const json buffered = ok("/v1/chat/completions", body);
  body["stream"] = true;
  auto res = post("/v1/chat/completions", body);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  std::string content;
  for (const auto& e : core::sse::decode_all(res->body).events) {
    if (e.data == "[DONE]") continue;
    const json chunk = json::parse(e.data);
    for (const auto& c : chunk["choices"]) content += c["delta"].value("content", json("")).get<std::string>();
  }
  EXPECT_EQ(content, buffered["choices"][0]["message"]["content"]);
}

TEST_F(StructuredOutput, ChatToolArgumentsValidate) {
  const json schema = json::parse(kPerson);
  const json r = ok("/v1/chat/completions", chat_with_tool(schema));
  const json& call = r["choices"][0]["message"]["tool_calls"][0];
  EXPECT_EQ(call["function"]["name"], "save_person");
  const json args = parse_text(call["function"]["arguments"]);
  EXPECT_EQ(violations(schema, args), "") << args;
}

TEST_F(StructuredOutput, ChatUnsatisfiableSchemasAre400WithParam) {
  const json bad = json::parse(kBadAge);
  json e = rejected("/v1/chat/completions", chat_with_format(bad));
  EXPECT_EQ(e["param"], "response_format.json_schema.schema.properties.age.minimum") << e;
  EXPECT_EQ(e["type"], "invalid_request_error");
  EXPECT_NE(e["message"].get<std::string>().find("minimum 10"), std::string::npos) << e;

  json legacy = chat_request();
  legacy["response_format"] = {{"type", "json"}, {"schema", bad}};
  EXPECT_EQ(rejected("/v1/chat/completions", legacy)["param"], "response_format.schema.properties.age.minimum");

  // Tool parameters are checked whether or not the tool is called.
  json tools = chat_request();
  tools["tools"] = json::array({{{"type", "function"}, {"function", {{"name", "ok"}, {"parameters", {{"type", "object"}}}}}},
                                {{"type", "function"}, {"function", {{"name", "broken"}, {"parameters", json::parse(
                                    R"({"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a", "b"],
                                        "additionalProperties": false})")}}}}});
  EXPECT_EQ(rejected("/v1/chat/completions", tools)["param"], "tools[1].function.parameters.required[1]");

  json invalid = chat_with_format(json::parse(R"({"type": "object", "properties": {"when": {"type": "date"}}})"));
  EXPECT_EQ(rejected("/v1/chat/completions", invalid)["param"], "response_format.json_schema.schema.properties.when.type");
}

TEST_F(StructuredOutput, ResponsesTextFormatAndFunctionArguments) {
  const json schema = json::parse(kPerson);
  json body = responses_request("Describe a person.");
  body["text"] = {{"format", {{"type", "json_schema"}, {"name", "person"}, {"strict", true}, {"schema", schema}}}};
  json r = ok("/v1/responses", body);
  json text;
  for (const auto& item : r["output"]) {
    if (item["type"] == "message") text = item["content"][0]["text"];
  }
  const json doc = parse_text(text);
  EXPECT_EQ(violations(schema, doc), "") << doc;

  json call = responses_request("Call save_person please.");
  call["tools"] = json::array({{{"type", "function"}, {"name", "save_person"}, {"parameters", schema}}});
  call["tool_choice"] = "required";
  r = ok("/v1/responses", call);
  bool called = false;
  for (const auto& item : r["output"]) {
    if (item["type"] != "function_call") continue;
    called = true;
    const json args = parse_text(item["arguments"]);
    EXPECT_EQ(violations(schema, args), "") << args;
  }
  EXPECT_TRUE(called) << r.dump();
}

TEST_F(StructuredOutput, ResponsesUnsatisfiableSchemasAre400WithParam) {
  json body = responses_request("Hi");
  body["text"] = {{"format", {{"type", "json_schema"}, {"name", "x"}, {"schema", json::parse(kBadAge)}}}};
  EXPECT_EQ(rejected("/v1/responses", body)["param"], "text.format.schema.properties.age.minimum");

  json tools = responses_request("Hi");
  tools["tools"] = json::array({{{"type", "function"}, {"name", "a"}, {"parameters", {{"type", "object"}}}},
                                {{"type", "function"}, {"name", "b"}, {"parameters", json::parse(
                                    R"({"type": "object", "properties": {"code": {"type": "string", "pattern": "^(?=x)y$"}}, "required": ["code"]})")}}});
  EXPECT_EQ(rejected("/v1/responses", tools)["param"], "tools[1].parameters.properties.code.pattern");
}

TEST_F(StructuredOutput, MessagesToolInputValidates) {
  const json schema = json::parse(kPerson);
  json body = messages_request("Call save_person please.");
  body["tools"] = json::array({{{"name", "save_person"}, {"input_schema", schema}}});
  body["tool_choice"] = {{"type", "tool"}, {"name", "save_person"}};
  const json r = ok("/v1/messages", body);
  bool called = false;
  for (const auto& block : r["content"]) {
    if (block["type"] != "tool_use") continue;
    called = true;
    EXPECT_EQ(violations(schema, block["input"]), "") << block["input"];
  }
  EXPECT_TRUE(called) << r.dump();
}

TEST_F(StructuredOutput, MessagesUnsatisfiableInputSchemaIs400WithParam) {
  json body = messages_request("Hi");
  body["tools"] = json::array({{{"name", "ok"}, {"input_schema", {{"type", "object"}}}},
                               {{"name", "bad"}, {"input_schema", json::parse(
                                   R"({"type": "object", "properties": {"n": {"type": "array", "minItems": 3, "maxItems": 1}}, "required": ["n"]})")}}});
  auto res = post("/v1/messages", body);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400) << res->body;
  const json e = json_of(res);
  EXPECT_EQ(e["type"], "error");
  EXPECT_EQ(e["error"]["param"], "tools[1].input_schema.properties.n.minItems") << e;
}

}  // namespace
}  // namespace siraya::mock::testing
