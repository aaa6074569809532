// POST /v1/chat/completions with stream: true (chat-completions.md §8): framing, grammar, and
// deltas that add up to the non-streamed answer.
#include <map>

#include "core/sse/decoder.h"
#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

struct Stream {
  std::vector<json> chunks;  // every event before [DONE], parsed
  bool done_last = false;
  std::string content_type;
  std::string raw;
};

class ChatStreamTest : public MockTest {
 protected:
  Stream stream(json body) {
    body["stream"] = true;
    Stream s;
    auto res = post_chat(client(), body);
    EXPECT_TRUE(res);
    if (!res) return s;
    EXPECT_EQ(res->status, 200) << res->body;
    s.content_type = res->get_header_value("Content-Type");
    EXPECT_EQ(res->get_header_value("Cache-Control"), "no-cache");
    EXPECT_EQ(res->get_header_value("Transfer-Encoding"), "chunked");
    s.raw = res->body;
    const auto decoded = core::sse::decode_all(res->body);
    EXPECT_TRUE(decoded.findings.empty()) << decoded.findings.front().to_string();
    for (std::size_t i = 0; i < decoded.events.size(); ++i) {
      const auto& e = decoded.events[i];
      EXPECT_TRUE(e.type.empty()) << "chat streams have no event: lines";
      EXPECT_EQ(e.data_lines, 1u);
      if (e.data == "[DONE]") {
        s.done_last = i + 1 == decoded.events.size();
        continue;
      }
      s.chunks.push_back(json::parse(e.data, nullptr, false));
      EXPECT_TRUE(s.chunks.back().is_object()) << e.data;
    }
    return s;
  }
  json complete(const json& body) { return json_of(post_chat(client(), body)); }
};

// Checks the §8.3 grammar per choice and returns each choice's accumulated message.
std::map<int, json> accumulate(const Stream& s) {
  std::map<int, json> messages;
  std::map<int, bool> finished;
  const json& first = s.chunks.front();
  for (const json& chunk : s.chunks) {
    EXPECT_EQ(chunk["id"], first["id"]);
    EXPECT_EQ(chunk["created"], first["created"]);
    EXPECT_EQ(chunk["model"], first["model"]);
    EXPECT_EQ(chunk["object"], "chat.completion.chunk");
    EXPECT_FALSE(chunk.contains("error"));
    EXPECT_TRUE(chunk["choices"].is_array());
    for (const json& choice : chunk["choices"]) {
      const int index = choice["index"];
      const json& delta = choice["delta"];
      EXPECT_FALSE(finished[index]) << "chunk after the final chunk of choice " << index;
      if (!messages.count(index)) {
        EXPECT_EQ(delta["role"], "assistant") << "first chunk of a choice carries the role";
        messages[index] = {{"content", nullptr}, {"tool_calls", json::array()}};
      }
      json& m = messages[index];
      if (delta.contains("content") && delta["content"].is_string()) {
        m["content"] = (m["content"].is_null() ? std::string() : m["content"].get<std::string>()) +
                       delta["content"].get<std::string>();
      }
      for (const json& call : delta.value("tool_calls", json::array())) {
        const std::size_t k = call["index"];
        if (k == m["tool_calls"].size()) {
          EXPECT_TRUE(call.contains("id") && call["type"] == "function" && call["function"].contains("name"));
          m["tool_calls"].push_back({{"id", call["id"]}, {"type", "function"},
                                     {"function", {{"name", call["function"]["name"]}, {"arguments", ""}}}});
        }
        EXPECT_EQ(k + 1, m["tool_calls"].size()) << "finish one call before the next";
        std::string args = m["tool_calls"][k]["function"]["arguments"];
        m["tool_calls"][k]["function"]["arguments"] = args + call["function"].value("arguments", "");
      }
      if (!choice["finish_reason"].is_null()) {
        EXPECT_TRUE(delta.empty()) << "the final chunk has an empty delta";
        m["finish_reason"] = choice["finish_reason"];
        finished[index] = true;
      }
    }
  }
  for (const auto& [index, done] : finished) EXPECT_TRUE(done) << "choice " << index << " never finished";
  return messages;
}

TEST_F(ChatStreamTest, FramingAndGrammar) {
  const Stream s = stream(chat_request());
  EXPECT_EQ(s.content_type, "text/event-stream");
  EXPECT_TRUE(s.done_last);
  ASSERT_GE(s.chunks.size(), 3u);
  const json& role = s.chunks.front()["choices"][0]["delta"];
  EXPECT_EQ(role, json({{"role", "assistant"}, {"content", ""}, {"refusal", nullptr}}));
  EXPECT_FALSE(s.chunks.front().contains("usage")) << "no usage key unless include_usage";
  EXPECT_EQ(s.raw.substr(s.raw.size() - 14), "data: [DONE]\n\n");
  accumulate(s);
}

TEST_F(ChatStreamTest, DeltasConcatenateToTheNonStreamedAnswer) {
  for (const char* prompt : {"Tell me about rivers.", "Hi", "Write a long story about a lighthouse keeper."}) {
    const json full = complete(chat_request(prompt));
    const Stream s = stream(chat_request(prompt));
    auto messages = accumulate(s);
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0]["content"], full["choices"][0]["message"]["content"]);
    EXPECT_EQ(messages[0]["finish_reason"], full["choices"][0]["finish_reason"]);
    EXPECT_EQ(s.chunks.front()["id"], full["id"]);
    EXPECT_GT(s.chunks.size(), 4u) << "content arrives in several deltas";
  }
}

TEST_F(ChatStreamTest, IncludeUsageAddsAFinalUsageChunk) {
  json body = chat_request();
  body["stream_options"] = {{"include_usage", true}};
  const Stream s = stream(body);
  ASSERT_GE(s.chunks.size(), 2u);
  for (std::size_t i = 0; i + 1 < s.chunks.size(); ++i) {
    EXPECT_TRUE(s.chunks[i].contains("usage") && s.chunks[i]["usage"].is_null()) << s.chunks[i];
  }
  const json& last = s.chunks.back();
  EXPECT_EQ(last["choices"], json::array());
  const json full = complete(chat_request());
  EXPECT_EQ(last["usage"], full["usage"]);
}

TEST_F(ChatStreamTest, LengthFinish) {
  json body = chat_request();
  body["max_tokens"] = 2;
  auto messages = accumulate(stream(body));
  EXPECT_EQ(messages[0]["finish_reason"], "length");
}

TEST_F(ChatStreamTest, ToolCallsStreamPerSpec) {
  json body = chat_request();
  body["tools"] = json::parse(R"([{"type":"function","function":{"name":"get_weather",
    "parameters":{"type":"object","properties":{"city":{"type":"string"},"note":{"type":"string"}}}}}])");
  body["tool_choice"] = "required";
  const json full = complete(body);
  const Stream s = stream(body);
  auto messages = accumulate(s);
  EXPECT_EQ(messages[0]["finish_reason"], "tool_calls");
  EXPECT_TRUE(messages[0]["content"].is_null());
  ASSERT_EQ(messages[0]["tool_calls"].size(), 1u);
  EXPECT_EQ(messages[0]["tool_calls"], full["choices"][0]["message"]["tool_calls"]);
  const json first_call = s.chunks[1]["choices"][0]["delta"]["tool_calls"][0];
  EXPECT_EQ(first_call["function"]["arguments"], "");
}

TEST_F(ChatStreamTest, SeveralChoicesOneAfterTheOther) {
  json body = chat_request();
  body["n"] = 2;
  const json full = complete(body);
  auto messages = accumulate(stream(body));
  ASSERT_EQ(messages.size(), 2u);
  for (int i = 0; i < 2; ++i) EXPECT_EQ(messages[i]["content"], full["choices"][i]["message"]["content"]);
}

TEST_F(ChatStreamTest, ErrorsBeforeTheStreamAreJson) {
  json body = chat_request();
  body["temperature"] = 9;
  body["stream"] = true;
  auto res = post_chat(client(), body);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
}

}  // namespace
}  // namespace siraya::mock::testing
