// Each stream fault's effect on the bytes on the wire, through a real server on port 0 and a raw
// socket. Timing faults are asserted by order and counts: a delay far longer than the test is
// shown by what has NOT arrived, and stop() must still end it.
#include <thread>

#include "faults_wire_support.h"
#include "mock_test_support.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

enum class Dialect { chat, responses, messages };

struct Target {
  std::string path;
  json body;
  std::vector<std::pair<std::string, std::string>> headers;
};

Target target(Dialect d, bool stream = true) {
  switch (d) {
    case Dialect::chat: {
      json body = chat_request();
      if (stream) body["stream"] = true;
      return {"/v1/chat/completions", body, {{"Authorization", std::string("Bearer ") + kKey}}};
    }
    case Dialect::responses: {
      json body = {{"model", "openai/gpt-4o"}, {"input", "Tell me about rivers."}};
      if (stream) body["stream"] = true;
      return {"/v1/responses", body, {{"Authorization", std::string("Bearer ") + kKey}}};
    }
    case Dialect::messages: {
      json body = {{"model", "anthropic/claude-sonnet-4.5"},
                   {"max_tokens", 256},
                   {"messages", {{{"role", "user"}, {"content", "Tell me about rivers."}}}}};
      if (stream) body["stream"] = true;
      return {"/v1/messages", body, {{"x-api-key", kKey}, {"anthropic-version", "2023-06-01"}}};
    }
  }
  return {};
}

std::string name_of(Dialect d) {
  return d == Dialect::chat ? "chat" : d == Dialect::responses ? "responses" : "messages";
}

class FaultsWire : public MockTest {
 protected:
  std::unique_ptr<RawConnection> open(Dialect d, const std::string& control, bool stream = true) {
    Target t = target(d, stream);
    if (!control.empty()) t.headers.emplace_back("x-siraya-mock", control);
    auto c = std::make_unique<RawConnection>(server_->port());
    EXPECT_TRUE(c->connected());
    c->send(http_request("POST", t.path, t.body.dump(), t.headers));
    return c;
  }

  struct Seen {
    Reply reply;
    End end;
    std::vector<std::string> frames;
  };

  Seen exchange(Dialect d, const std::string& control, bool stream = true) {
    auto c = open(d, control, stream);
    Seen s;
    s.end = c->read_to_end();
    s.reply = parse_reply(c->bytes);
    s.frames = frames_of(s.reply.body);
    return s;
  }

  // The frames of the same request without faults.
  std::vector<std::string> clean_frames(Dialect d) {
    Seen s = exchange(d, "");
    EXPECT_TRUE(s.reply.complete);
    EXPECT_GT(s.frames.size(), 4u);
    return s.frames;
  }
};

class FaultsWireDialect : public FaultsWire, public ::testing::WithParamInterface<Dialect> {
 protected:
  void SetUp() override { FaultsWire::SetUp(); }
};

TEST_P(FaultsWireDialect, TruncateEndsTheBodyProperlyAfterNEvents) {
  const auto clean = clean_frames(GetParam());
  Seen s = exchange(GetParam(), "fault=truncate;after=3");
  EXPECT_EQ(s.reply.status, 200);
  EXPECT_TRUE(s.reply.complete) << "the chunked body ends properly";
  EXPECT_EQ(s.end, End::eof);
  ASSERT_EQ(s.frames.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(s.frames[i], clean[i]);
}

TEST_P(FaultsWireDialect, TruncateDefaultsToHalfTheEvents) {
  const auto clean = clean_frames(GetParam());
  Seen s = exchange(GetParam(), "fault=truncate");
  EXPECT_TRUE(s.reply.complete);
  EXPECT_EQ(s.frames.size(), clean.size() / 2);
}

TEST_P(FaultsWireDialect, AfterPastTheEndStillShowsTheFault) {
  const auto clean = clean_frames(GetParam());
  Seen s = exchange(GetParam(), "fault=truncate;after=1000000");
  EXPECT_EQ(s.frames.size(), clean.size() - 1);
}

TEST_P(FaultsWireDialect, DropTerminalRemovesOnlyTheMarker) {
  auto clean = clean_frames(GetParam());
  Seen s = exchange(GetParam(), "fault=drop-terminal");
  EXPECT_TRUE(s.reply.complete);
  const std::string marker = GetParam() == Dialect::messages ? "message_stop" : "[DONE]";
  EXPECT_NE(clean.back().find(marker), std::string::npos);
  clean.pop_back();
  EXPECT_EQ(s.frames, clean);
}

TEST_P(FaultsWireDialect, MalformedCutsOneEventsJsonInHalf) {
  const auto clean = clean_frames(GetParam());
  Seen s = exchange(GetParam(), "fault=malformed;after=2");
  EXPECT_TRUE(s.reply.complete);
  ASSERT_EQ(s.frames.size(), clean.size());
  for (std::size_t i = 0; i < clean.size(); ++i) {
    if (i == 2) continue;
    EXPECT_EQ(s.frames[i], clean[i]) << i;
  }
  EXPECT_EQ(event_of(s.frames[2]), event_of(clean[2])) << "the event: line stays";
  EXPECT_TRUE(json::parse(data_of(s.frames[2]), nullptr, false).is_discarded()) << s.frames[2];
  EXPECT_EQ(data_of(clean[2]).rfind(data_of(s.frames[2]), 0), 0u) << "a prefix of the real data";
}

TEST_P(FaultsWireDialect, CloseAfterNEventsEndsWithoutTheLastChunk) {
  Seen s = exchange(GetParam(), "fault=close;after=2");
  EXPECT_EQ(s.reply.status, 200);
  EXPECT_FALSE(s.reply.complete);
  EXPECT_EQ(s.end, End::eof);
  EXPECT_EQ(s.frames.size(), 2u);
}

TEST_P(FaultsWireDialect, ResetAfterNEventsEndsWithRst) {
  Seen s = exchange(GetParam(), "fault=reset;after=2");
  EXPECT_EQ(s.end, End::reset);
  EXPECT_FALSE(s.reply.complete);
  EXPECT_LE(s.frames.size(), 2u);
}

TEST_P(FaultsWireDialect, CloseAndResetWithoutAfterSendNothing) {
  Seen closed = exchange(GetParam(), "fault=close");
  EXPECT_EQ(closed.end, End::eof);
  EXPECT_EQ(closed.reply.parsed, false);
  Seen reset = exchange(GetParam(), "fault=reset");
  EXPECT_EQ(reset.end, End::reset);
  EXPECT_EQ(reset.reply.parsed, false);
}

TEST_P(FaultsWireDialect, InStreamErrorInTheDialectsForm) {
  const auto clean = clean_frames(GetParam());
  Seen s = exchange(GetParam(), "fault=error;after=3;code=503");
  EXPECT_EQ(s.reply.status, 200);
  EXPECT_TRUE(s.reply.complete);
  ASSERT_GE(s.frames.size(), 4u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(s.frames[i], clean[i]);
  const json error = json::parse(data_of(s.frames[3]), nullptr, false);
  switch (GetParam()) {
    case Dialect::chat: {  // chat-completions.md §8.6
      ASSERT_EQ(s.frames.size(), 5u);
      EXPECT_EQ(event_of(s.frames[3]), "");
      EXPECT_EQ(error["error"]["code"], 503);
      EXPECT_TRUE(error["error"]["message"].is_string());
      EXPECT_EQ(error["choices"][0]["finish_reason"], "error");
      EXPECT_EQ(error["id"], json::parse(data_of(clean[0]))["id"]);
      EXPECT_EQ(error["object"], "chat.completion.chunk");
      EXPECT_EQ(data_of(s.frames[4]), "[DONE]");
      break;
    }
    case Dialect::responses: {  // responses.md §7
      ASSERT_EQ(s.frames.size(), 6u);
      EXPECT_EQ(event_of(s.frames[3]), "error");
      EXPECT_EQ(error["type"], "error");
      EXPECT_EQ(error["sequence_number"], 3);
      EXPECT_EQ(error["code"], "no_provider_available");
      EXPECT_TRUE(error["message"].is_string());
      EXPECT_TRUE(error.contains("param"));
      EXPECT_EQ(error["error"]["type"], "server_error");
      EXPECT_EQ(event_of(s.frames[4]), "response.failed");
      const json failed = json::parse(data_of(s.frames[4]));
      EXPECT_EQ(failed["sequence_number"], 4);
      EXPECT_EQ(failed["response"]["status"], "failed");
      EXPECT_EQ(failed["response"]["error"]["message"], error["message"]);
      EXPECT_EQ(failed["response"]["id"], json::parse(data_of(clean[0]))["response"]["id"]);
      EXPECT_EQ(data_of(s.frames[5]), "[DONE]");
      break;
    }
    case Dialect::messages: {  // messages.md §7.6: the superset body, then the end
      ASSERT_EQ(s.frames.size(), 4u);
      EXPECT_EQ(event_of(s.frames[3]), "error");
      EXPECT_EQ(error["type"], "error");
      EXPECT_EQ(error["error"]["type"], "overloaded_error");
      EXPECT_EQ(error["error"]["code"], 503);
      EXPECT_EQ(error["request_id"], s.reply.header("request-id"));
      break;
    }
  }
}

TEST_P(FaultsWireDialect, StallSendsNothingMoreUntilStopEndsIt) {
  auto c = open(GetParam(), "fault=stall;after=2");
  const auto clean_count = 2u;
  // Nothing arrives after the second event: the stall lasts the maximum (10 minutes).
  EXPECT_EQ(c->read_to_end(300), End::quiet);
  Reply before = parse_reply(c->bytes);
  EXPECT_EQ(before.status, 200);
  EXPECT_EQ(frames_of(before.body).size(), clean_count);
  server_->stop();  // must end the stalled stream, not wait for it
  EXPECT_EQ(c->read_to_end(), End::eof);
  EXPECT_FALSE(parse_reply(c->bytes).complete);
}

TEST_P(FaultsWireDialect, IntervalHoldsTheNextEventBack) {
  auto c = open(GetParam(), "interval=600000");
  ASSERT_TRUE(c->read_until("\n\n"));
  EXPECT_EQ(c->read_to_end(300), End::quiet);
  EXPECT_EQ(frames_of(parse_reply(c->bytes).body).size(), 1u) << "only the first event goes out without a gap";
  server_->stop();
  EXPECT_EQ(c->read_to_end(), End::eof);
}

INSTANTIATE_TEST_SUITE_P(Dialects, FaultsWireDialect,
                         ::testing::Values(Dialect::chat, Dialect::responses, Dialect::messages),
                         [](const auto& param_info) { return name_of(param_info.param); });

TEST_F(FaultsWire, StallWithoutAfterSendsNoByteAndStopEndsIt) {
  auto c = open(Dialect::chat, "fault=stall", false);
  EXPECT_EQ(c->read_to_end(300), End::quiet);
  EXPECT_TRUE(c->bytes.empty());
  server_->stop();
  EXPECT_EQ(c->read_to_end(), End::eof);
  EXPECT_TRUE(c->bytes.empty());
}

TEST_F(FaultsWire, StallEndsAfterFor) {
  Seen s = exchange(Dialect::chat, "fault=stall;after=1;for=1");
  EXPECT_EQ(s.end, End::eof);
  EXPECT_FALSE(s.reply.complete);
  EXPECT_EQ(s.frames.size(), 1u);
}

TEST_F(FaultsWire, DelayHoldsOnlyItsOwnConnection) {
  auto delayed = open(Dialect::chat, "delay=600000");
  // Another connection is served completely while the first waits for its first byte.
  Seen other = exchange(Dialect::chat, "");
  EXPECT_TRUE(other.reply.complete);
  EXPECT_EQ(delayed->read_to_end(200), End::quiet);
  EXPECT_TRUE(delayed->bytes.empty());
  server_->stop();
  EXPECT_EQ(delayed->read_to_end(), End::eof);
  EXPECT_TRUE(delayed->bytes.empty());
}

TEST_F(FaultsWire, ShortTimingFaultsKeepTheStreamIntact) {
  const auto clean = clean_frames(Dialect::chat);
  Seen s = exchange(Dialect::chat, "delay=5;interval=1;jitter=2");
  EXPECT_TRUE(s.reply.complete);
  EXPECT_EQ(s.frames, clean);
}

TEST_F(FaultsWire, ShouldRetryHeader) {
  for (const char* value : {"true", "false"}) {
    Seen s = exchange(Dialect::chat, std::string("should-retry=") + value, false);
    EXPECT_EQ(s.reply.status, 200);
    EXPECT_EQ(s.reply.header("x-should-retry"), value);
  }
  Seen none = exchange(Dialect::chat, "", false);
  EXPECT_EQ(none.reply.header("x-should-retry"), "");
}

TEST_F(FaultsWire, BufferedTruncateAnnouncesTheWholeBody) {
  Seen s = exchange(Dialect::chat, "fault=truncate", false);
  EXPECT_EQ(s.reply.status, 200);
  EXPECT_TRUE(s.reply.has_content_length);
  EXPECT_FALSE(s.reply.complete);
  EXPECT_LT(s.reply.body.size(), s.reply.content_length);
  EXPECT_GT(s.reply.body.size(), 0u);
  EXPECT_EQ(s.end, End::eof);
}

TEST_F(FaultsWire, BufferedMalformedIsACompleteResponseWithInvalidJson) {
  Seen s = exchange(Dialect::responses, "fault=malformed", false);
  EXPECT_EQ(s.reply.status, 200);
  EXPECT_TRUE(s.reply.complete);
  EXPECT_EQ(s.reply.body.size(), s.reply.content_length);
  EXPECT_TRUE(s.reply.json().is_discarded()) << s.reply.body;
  EXPECT_EQ(s.reply.body.front(), '{');
}

TEST_F(FaultsWire, BufferedCloseAndResetSendNothing) {
  Seen closed = exchange(Dialect::messages, "fault=close", false);
  EXPECT_EQ(closed.end, End::eof);
  EXPECT_TRUE(closed.reply.parsed == false);
  Seen reset = exchange(Dialect::messages, "fault=reset", false);
  EXPECT_EQ(reset.end, End::reset);
  EXPECT_TRUE(reset.reply.parsed == false);
}

TEST_F(FaultsWire, FaultsLeaveAnEndpointErrorAlone) {
  // An invalid body gets its own 400, not a stream fault and not the header's 400.
  Target t = target(Dialect::chat);
  t.body["temperature"] = 7;
  t.headers.emplace_back("x-siraya-mock", "fault=error;after=2");
  RawConnection c(server_->port());
  c.send(http_request("POST", t.path, t.body.dump(), t.headers));
  EXPECT_EQ(c.read_to_end(), End::eof);
  const Reply r = parse_reply(c.bytes);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["error"]["param"], "temperature");
}

TEST_F(FaultsWire, TheServerKeepsServingAfterResets) {
  for (int i = 0; i < 3; ++i) EXPECT_EQ(exchange(Dialect::chat, "fault=reset;after=1").end, End::reset);
  EXPECT_TRUE(exchange(Dialect::chat, "").reply.complete);
}

}  // namespace
}  // namespace siraya::mock::testing
