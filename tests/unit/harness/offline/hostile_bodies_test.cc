// Bodies and stream events nested 100,000 levels deep (which used to crash siraya-harness with a
// stack overflow) are judged as errors that say so, and the harness carries on.
#include <gtest/gtest.h>

#include <string>

#include "harness/offline/saved_response_check.h"

namespace siraya::harness {
namespace {

std::string nested(std::size_t depth) {
  std::string s;
  for (std::size_t i = 0; i < depth; ++i) s += "{\"a\":";
  return s + "1" + std::string(depth, '}');
}

const core::schema::Registry& schemas() {
  static auto registry = core::schema::Registry::embedded();
  return **registry;
}

bool has(const SavedVerdict& v, const std::string& id, const std::string& part) {
  for (const auto& f : v.findings) {
    if (f.id == id && f.what.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(HostileBodies, DeepBodiesAndEventsAreErrorsNotCrashes) {
  const std::string deep = nested(100000);
  struct Case {
    const char* endpoint;
    std::string bytes;
    const char* check_id;
  };
  const Case cases[] = {
      {"chat_completions",
       R"({"id":"x","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"hi","x":)" +
           deep + "},\"finish_reason\":\"stop\"}]}",
       "body.invalid_json"},
      {"chat_completions",
       "data: {\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"x\":" +
           deep + "}}]}\n\ndata: [DONE]\n\n",
       "sse.chat.invalid_json"},
      {"responses", "event: response.created\ndata: " + deep + "\n\n", "sse.responses.invalid_json"},
      {"messages", "event: message_start\ndata: " + deep + "\n\n", "sse.messages.invalid_json"},
  };
  for (const auto& c : cases) {
    SavedResponse saved;
    saved.endpoint = c.endpoint;
    saved.bytes = c.bytes;
    auto verdict = check_saved_response(saved, schemas(), Profile::standard);
    ASSERT_TRUE(verdict) << verdict.error().to_string();
    EXPECT_TRUE(verdict->failed()) << c.endpoint;
    EXPECT_TRUE(has(*verdict, c.check_id, "deeper than 128 levels")) << c.endpoint << " " << c.check_id;
  }
}

}  // namespace
}  // namespace siraya::harness
