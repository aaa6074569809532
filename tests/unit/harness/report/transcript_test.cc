// Transcript building blocks: secret masking that keeps read boundaries, raw bytes that are not
// UTF-8, and file names that stay inside the transcripts folder.
#include "harness/report/transcript.h"

#include <gtest/gtest.h>

#include "harness/suite/suite.h"

namespace siraya::harness {
namespace {

TEST(Transcript, MaskKeepsLengthAndHidesOverlappingSecrets) {
  EXPECT_EQ(mask_secrets("key=abc123;again abc123", {"abc123"}), "key=******;again ******");
  EXPECT_EQ(mask_secrets("xabcdx", {"abc", "bcd"}), "x****x");
  EXPECT_EQ(mask_secrets("nothing here", {"", "zzz"}), "nothing here");
}

struct OneCase {
  Suite suite;
  Case c;
  CaseResult result;
  OneCase(const std::string& suite_name, const std::string& id) {
    suite.name = suite_name;
    c.id = id;
    c.location = "x.suite.json#/cases/0";
    result.suite = &suite;
    result.test_case = &c;
    result.outcome = Outcome::failed;
  }
};

TEST(Transcript, PathFollowsTheSuiteNameAndNeverLeavesTheFolder) {
  OneCase normal("chat/stream", "done");
  EXPECT_EQ(transcript_path("out", normal.result), "out/chat/stream/done.json");
  OneCase sneaky("a/../../etc", "x");
  EXPECT_EQ(transcript_path("out", sneaky.result), "out/a/_/_/etc/x.json");
}

TEST(Transcript, BytesThatAreNotUtf8AreKeptAsBase64) {
  OneCase one("s", "c");
  core::http::Response r;
  r.status = 200;
  r.body = std::string("data: \xff\xfe\n\n", 10);
  r.chunks = {{std::string("data: \xff", 7), std::chrono::milliseconds(1)}, {"\xfe\n\n", std::chrono::milliseconds(2)}};
  r.body = r.chunks[0].bytes + r.chunks[1].bytes;
  Exchange x;
  x.request.method = "POST";
  x.request.path = "/chat/completions";
  x.mode = core::http::Mode::streaming;
  x.outcome = r;
  const auto doc = transcript_json(one.result, {x}, TranscriptContext{"http://gw.test/v1", {}, {}});
  const auto& chunks = doc["exchanges"][0]["response"]["chunks"];
  EXPECT_EQ(chunks[0]["base64"], "ZGF0YTog/w==");
  EXPECT_EQ(chunks[1]["base64"], "/goK");
  EXPECT_FALSE(chunks[0].contains("text"));
  EXPECT_EQ(doc["exchanges"][0]["request"]["url"], "http://gw.test/v1/chat/completions");
  EXPECT_EQ(doc["exchanges"][0]["response"]["events"].size(), 1u);
}

TEST(Transcript, ATransportErrorIsRecordedWithoutSecrets) {
  OneCase one("s", "c");
  Exchange x;
  x.request.path = "/models";
  x.outcome = core::fail("http.connect", "refused for key k-123", "gw.test:80");
  const auto doc = transcript_json(one.result, {x}, TranscriptContext{"http://gw.test/v1", {"k-123"}, {}});
  EXPECT_EQ(doc["exchanges"][0]["error"]["id"], "http.connect");
  EXPECT_EQ(doc["exchanges"][0]["error"]["message"], "refused for key ***");
}

}  // namespace
}  // namespace siraya::harness
