// The plan transform alone: the timing it plans (seeded jitter) and where each fault lands.
#include <gtest/gtest.h>

#include <set>

#include "core/sse/encoder.h"
#include "mock/faults/header_parser.h"
#include "mock/faults/injector.h"

namespace siraya::mock::faults {
namespace {

using std::chrono::milliseconds;

ResponsePlan chat_stream_plan(std::size_t chunks) {
  ResponsePlan plan;
  plan.streaming = true;
  plan.content_type = "text/event-stream";
  for (std::size_t i = 0; i < chunks; ++i) {
    plan.events.push_back(core::sse::encode(R"({"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[]})"));
  }
  plan.events.push_back(core::sse::encode(core::sse::kDone));
  return plan;
}

ResponsePlan injected(const std::string& header, ResponsePlan plan, std::uint64_t seed = 7) {
  auto d = parse_control_header(header);
  EXPECT_TRUE(d) << header;
  auto ok = inject(*d, core::StreamDialect::chat, "req_1", seed, plan);
  EXPECT_TRUE(ok) << header;
  return plan;
}

TEST(FaultsInjector, NoFaultLeavesThePlanAlone) {
  const ResponsePlan plan = injected("should-retry=true", chat_stream_plan(5));
  EXPECT_EQ(plan.events, chat_stream_plan(5).events);
  EXPECT_TRUE(plan.event_delays.empty());
  EXPECT_EQ(plan.ending, Ending::complete);
  EXPECT_EQ(plan.first_byte_delay, milliseconds(0));
}

TEST(FaultsInjector, IntervalGapsEveryEventButTheFirst) {
  const ResponsePlan plan = injected("interval=40;delay=9", chat_stream_plan(5));
  ASSERT_EQ(plan.event_delays.size(), plan.events.size());
  EXPECT_EQ(plan.event_delays[0], milliseconds(0));
  for (std::size_t i = 1; i < plan.event_delays.size(); ++i) EXPECT_EQ(plan.event_delays[i], milliseconds(40));
  EXPECT_EQ(plan.first_byte_delay, milliseconds(9));
}

TEST(FaultsInjector, JitterIsSeededAndBounded) {
  const ResponsePlan a = injected("interval=10;jitter=20", chat_stream_plan(40), 1);
  const ResponsePlan b = injected("interval=10;jitter=20", chat_stream_plan(40), 1);
  const ResponsePlan c = injected("interval=10;jitter=20", chat_stream_plan(40), 2);
  EXPECT_EQ(a.event_delays, b.event_delays) << "same seed, same gaps";
  EXPECT_NE(a.event_delays, c.event_delays) << "another seed, other gaps";
  std::set<long> seen;
  for (std::size_t i = 1; i < a.event_delays.size(); ++i) {
    EXPECT_GE(a.event_delays[i], milliseconds(10));
    EXPECT_LE(a.event_delays[i], milliseconds(30));
    seen.insert(static_cast<long>(a.event_delays[i].count()));
  }
  EXPECT_GT(seen.size(), 3u) << "the gaps vary";
}

TEST(FaultsInjector, EndingsAndWhereTheyHappen) {
  ResponsePlan plan = injected("fault=reset;after=2", chat_stream_plan(5));
  EXPECT_EQ(plan.ending, Ending::reset);
  EXPECT_EQ(plan.end_after, 2u);
  EXPECT_EQ(plan.events.size(), 6u);

  plan = injected("fault=close", chat_stream_plan(5));
  EXPECT_EQ(plan.ending, Ending::close);
  EXPECT_FALSE(plan.end_after) << "before the status line";

  plan = injected("fault=stall;after=99;for=1234", chat_stream_plan(5));
  EXPECT_EQ(plan.ending, Ending::stall);
  EXPECT_EQ(plan.end_after, 5u) << "clamped to the last event, so the stall shows";
  EXPECT_EQ(plan.stall_for, milliseconds(1234));
}

TEST(FaultsInjector, ErrorNeverLandsAfterTheTerminal) {
  const ResponsePlan plan = injected("fault=error;after=1000", chat_stream_plan(3));
  ASSERT_EQ(plan.events.size(), 5u);  // 3 chunks, the error chunk, [DONE]
  EXPECT_NE(plan.events[3].find("\"finish_reason\":\"error\""), std::string::npos) << plan.events[3];
  EXPECT_EQ(plan.events[4], core::sse::encode(core::sse::kDone));
}

TEST(FaultsInjector, ErrorPlansKeepTheirBody) {
  ResponsePlan error;
  error.status = 429;
  error.body = R"({"error":{"message":"x","type":"rate_limit_error","param":null,"code":429}})";
  const ResponsePlan truncated = injected("fault=truncate;should-retry=false", error);
  EXPECT_EQ(truncated.body, error.body);
  EXPECT_EQ(truncated.ending, Ending::complete);
  const ResponsePlan reset = injected("fault=reset", error);
  EXPECT_EQ(reset.ending, Ending::reset);
  EXPECT_FALSE(reset.end_after);
  EXPECT_EQ(injected("fault=reset;after=2", error).ending, Ending::complete) << "no stream to place it in";
  auto d = parse_control_header("fault=error");
  ResponsePlan copy = error;
  EXPECT_TRUE(inject(*d, core::StreamDialect::chat, "req_1", 0, copy)) << "no 400 for the header on an error";
}

TEST(FaultsInjector, StreamDirectiveOnABuffered2xxFails) {
  ResponsePlan plan;
  plan.body = "{}";
  auto d = parse_control_header("interval=1");
  auto ok = inject(*d, core::StreamDialect::chat, "req_1", 0, plan);
  ASSERT_FALSE(ok);
  EXPECT_EQ(ok.error().id, "mock.fault_directive");
  EXPECT_EQ(plan.body, "{}");
}

TEST(FaultsInjector, MalformedKeepsUtf8Whole) {
  ResponsePlan plan;
  // {"t":"ééééé"}: the middle byte is the second byte of an é.
  plan.body = "{\"t\":\"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\"}";
  ASSERT_EQ(static_cast<unsigned char>(plan.body[plan.body.size() / 2]) & 0xC0, 0x80);
  const ResponsePlan cut = injected("fault=malformed", plan);
  ASSERT_LT(cut.body.size(), plan.body.size());
  EXPECT_NE(static_cast<unsigned char>(cut.body.back()) & 0xC0, 0xC0) << "does not end on a lead byte";
  EXPECT_EQ(plan.body.compare(0, cut.body.size(), cut.body), 0);
}

}  // namespace
}  // namespace siraya::mock::faults
