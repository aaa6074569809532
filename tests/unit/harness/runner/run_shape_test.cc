// The normalised shape of an answer: event kinds in order with runs collapsed, the endings and
// tool names of a final object with their JSON Pointers, and nothing else (ids, timestamps,
// generated text and token counts never reach it).
#include "harness/runner/run_shape.h"

#include <gtest/gtest.h>

#include "harness/runner/step_judge.h"

namespace siraya::harness {
namespace {

using nlohmann::json;
using Kinds = std::vector<std::string>;

core::sse::Event data_event(const std::string& data, const std::string& type = "") {
  core::sse::Event e;
  e.data = data;
  e.type = type;
  return e;
}

std::string chunk(const json& delta, const json& finish = nullptr) {
  return json{{"id", "chatcmpl-1"},
              {"object", "chat.completion.chunk"},
              {"created", 1},
              {"model", "m"},
              {"choices", {{{"index", 0}, {"delta", delta}, {"finish_reason", finish}}}}}
      .dump();
}

std::vector<core::sse::Event> chat_stream(int content_deltas) {
  std::vector<core::sse::Event> out{data_event(chunk({{"role", "assistant"}, {"content", ""}}))};
  for (int i = 0; i < content_deltas; ++i) out.push_back(data_event(chunk({{"content", "word" + std::to_string(i)}})));
  out.push_back(data_event(chunk(json::object(), "stop")));
  out.push_back(data_event("[DONE]"));
  return out;
}

TEST(EventShape, RunsOfOneChatChunkKindCollapse) {
  const Kinds expected{"role", "content", "finish", "[DONE]"};
  EXPECT_EQ(event_shape(core::StreamDialect::chat, chat_stream(2)), expected);
  EXPECT_EQ(event_shape(core::StreamDialect::chat, chat_stream(40)), expected);
}

TEST(EventShape, AChunkCarryingSeveralKindsCountsAsEachInTurn) {
  // The role and the first text in one chunk, finish and usage in one chunk, as lenient providers send.
  auto first = json::parse(chunk({{"role", "assistant"}, {"content", "Hi"}}));
  auto last = json::parse(chunk(json::object(), "stop"));
  last["usage"] = {{"prompt_tokens", 1}, {"completion_tokens", 1}, {"total_tokens", 2}};
  const std::vector<core::sse::Event> events{data_event(first.dump()), data_event(chunk({{"content", " there"}})),
                                             data_event(last.dump())};
  EXPECT_EQ(event_shape(core::StreamDialect::chat, events), (Kinds{"role", "content", "finish", "usage"}));
}

TEST(EventShape, TypedEventsKeepTheirOrderAndTheSentinelAndBrokenDataShow) {
  auto typed = [](const std::string& type) {
    return data_event(json{{"type", type}, {"sequence_number", 0}}.dump(), type);
  };
  const std::vector<core::sse::Event> events{
      typed("response.created"), typed("response.output_text.delta"), typed("response.output_text.delta"),
      typed("response.output_text.done"), typed("response.completed"), data_event("{not json"), data_event("[DONE]")};
  EXPECT_EQ(event_shape(core::StreamDialect::responses, events),
            (Kinds{"response.created", "response.output_text.delta", "response.output_text.done", "response.completed",
                   "(not JSON)", "[DONE]"}));
}

TEST(EventShape, ChunksWithoutAnyKindAreLeftOut) {
  std::vector<core::sse::Event> events = chat_stream(1);
  events.insert(events.begin() + 1, data_event(chunk(json::object())));  // an empty delta
  EXPECT_EQ(event_shape(core::StreamDialect::chat, events), (Kinds{"role", "content", "finish", "[DONE]"}));
}

TEST(AnswerShape, ChatEndingsAndToolsOfEveryChoiceWithTheirPointers) {
  const json body = {
      {"model", "openai/gpt-4o"},
      {"choices",
       {{{"index", 0},
         {"finish_reason", "tool_calls"},
         {"message",
          {{"role", "assistant"},
           {"tool_calls",
            {{{"id", "call_1"}, {"type", "function"}, {"function", {{"name", "get_weather"}, {"arguments", "{}"}}}},
             {{"id", "call_2"}, {"type", "function"}, {"function", {{"name", "get_time"}, {"arguments", "{}"}}}}}}}}},
        {{"index", 1}, {"finish_reason", "stop"}, {"message", {{"role", "assistant"}, {"content", "Hi"}}}}}}};
  const AnswerShape s = answer_shape("chat_completions", body);
  EXPECT_EQ(s.model, "openai/gpt-4o");
  EXPECT_EQ(s.endings, (std::vector<PointedValue>{{"/choices/0/finish_reason", "tool_calls"},
                                                  {"/choices/1/finish_reason", "stop"}}));
  EXPECT_EQ(s.tools, (std::vector<PointedValue>{{"/choices/0/message/tool_calls/0/function/name", "get_weather"},
                                                {"/choices/0/message/tool_calls/1/function/name", "get_time"}}));
  EXPECT_EQ(join_values(s.tools), "get_weather, get_time");
}

TEST(AnswerShape, ResponsesAndMessagesNameTheirToolItems) {
  const json response = {{"status", "completed"},
                         {"output",
                          {{{"type", "message"}, {"id", "msg_1"}},
                           {{"type", "function_call"}, {"name", "get_weather"}, {"call_id", "c1"}}}}};
  const AnswerShape r = answer_shape("responses", response);
  EXPECT_EQ(r.endings, (std::vector<PointedValue>{{"/status", "completed"}}));
  EXPECT_EQ(r.tools, (std::vector<PointedValue>{{"/output/1/name", "get_weather"}}));

  const json message = {{"stop_reason", "tool_use"},
                        {"content", {{{"type", "text"}, {"text", "Let me look."}}, {{"type", "tool_use"}, {"name", "lookup"}}}}};
  const AnswerShape m = answer_shape("messages", message);
  EXPECT_EQ(m.endings, (std::vector<PointedValue>{{"/stop_reason", "tool_use"}}));
  EXPECT_EQ(m.tools, (std::vector<PointedValue>{{"/content/1/name", "lookup"}}));
  // The same call found at another position is the same call.
  EXPECT_TRUE(same_values(m.tools, {{"/content/0/name", "lookup"}}));
  EXPECT_FALSE(same_values(m.tools, {{"/content/1/name", "search"}}));
}

TEST(AnswerShape, IdsTimestampsTextAndUsageNeverEnterTheShape) {
  json a = {{"id", "chatcmpl-a"}, {"created", 1}, {"model", "m"},
            {"choices", {{{"index", 0}, {"finish_reason", "stop"}, {"message", {{"content", "One answer."}}}}}},
            {"usage", {{"prompt_tokens", 3}, {"completion_tokens", 2}, {"total_tokens", 5}}}};
  json b = a;
  b["id"] = "chatcmpl-b";
  b["created"] = 99;
  b["choices"][0]["message"]["content"] = "Quite another, longer answer.";
  b["usage"] = {{"prompt_tokens", 3}, {"completion_tokens", 6}, {"total_tokens", 9}};
  const AnswerShape x = answer_shape("chat_completions", a), y = answer_shape("chat_completions", b);
  EXPECT_EQ(x.model, y.model);
  EXPECT_EQ(x.endings, y.endings);
  EXPECT_EQ(x.tools, y.tools);
}

TEST(StepShape, AnErrorAnswerHasAStatusOnly) {
  StepVerdict verdict;
  verdict.target = json{{"error", {{"message", "no"}, {"type", "invalid_request_error"}, {"code", 400}}}};
  const StepShape s = step_shape("chat_completions", 400, verdict);
  EXPECT_EQ(s.status, 400);
  EXPECT_FALSE(s.streamed);
  EXPECT_TRUE(s.events.empty());
  EXPECT_TRUE(s.answer.endings.empty());
}

TEST(StepShape, AStreamKeepsItsEventsAndTheObjectItAddsUpTo) {
  StepVerdict verdict;
  verdict.dialect = core::StreamDialect::chat;
  verdict.events = chat_stream(3);
  verdict.target = json{{"model", "m"}, {"choices", {{{"index", 0}, {"finish_reason", "stop"}, {"message", {{"content", "x"}}}}}}};
  const StepShape s = step_shape("chat_completions", 200, verdict);
  EXPECT_TRUE(s.streamed);
  EXPECT_EQ(s.events, (Kinds{"role", "content", "finish", "[DONE]"}));
  EXPECT_EQ(s.answer.endings, (std::vector<PointedValue>{{"/choices/0/finish_reason", "stop"}}));
}

}  // namespace
}  // namespace siraya::harness
