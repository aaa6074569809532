// harness/offline/saved_response_check (`siraya-harness check`): saved bodies and raw streams are
// judged like live responses. Valid streams with unusual but legal framing (CRLF, CR, comments
// and keep-alives, data: without a space, usage: null on every chunk, choices: [], vendor fields,
// Anthropic's spacing, no [DONE] on Responses) raise no error; broken ones are caught with the
// check id that names the break (tests/data/offline_check/). Every real capture of the shared
// corpus gets the verdict its README gives it.
#include "harness/offline/saved_response_check.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "tests/support/findings_text.h"
#include "tests/support/shared_corpus.h"

namespace siraya::harness {
namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(SIRAYA_SOURCE_DIR) / "tests" / "data" / "offline_check";

const core::schema::Registry& schemas() {
  static auto registry = core::schema::Registry::embedded();
  return **registry;
}

// The file name's first word is its dialect: chat_..., responses_..., messages_...
std::string endpoint_of(const fs::path& file) {
  return *endpoint_for_dialect(file.filename().string().substr(0, file.filename().string().find('_')));
}

SavedVerdict judge(const SavedResponse& saved, Profile profile = Profile::standard) {
  auto verdict = check_saved_response(saved, schemas(), profile);
  EXPECT_TRUE(verdict) << verdict.error().to_string();
  return verdict ? *verdict : SavedVerdict{};
}

SavedVerdict judge_file(const fs::path& file, const std::string& endpoint, Profile profile = Profile::standard) {
  SavedResponse saved;
  saved.endpoint = endpoint;
  saved.bytes = testing::read_binary(file);
  return judge(saved, profile);
}

bool has_error(const SavedVerdict& v, const std::string& id) {
  for (const auto& f : v.findings) {
    if (f.id == id && f.severity == core::Severity::error) return true;
  }
  return false;
}

TEST(SavedResponseCheck, UnusualButValidStreamsRaiseNoError) {
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(kData / "valid")) {
    ++files;
    const auto verdict = judge_file(entry.path(), endpoint_of(entry.path()));
    EXPECT_TRUE(verdict.stream) << entry.path().filename();
    EXPECT_GT(verdict.events, 5u) << entry.path().filename();
    EXPECT_FALSE(verdict.failed()) << entry.path().filename() << testing::errors_of(verdict.findings);
    // Offline there are no arrival times: no timing.* finding may judge the file's single read.
    for (const auto& f : verdict.findings) EXPECT_NE(f.id.rfind("timing.", 0), 0u) << f.to_string();
  }
  EXPECT_GE(files, 7u);
}

TEST(SavedResponseCheck, BrokenStreamsAreCaughtWithTheirCheckId) {
  const std::map<std::string, std::string> expected = {
      {"chat_id_changed.sse", "sse.chat.id_changed"},
      {"chat_no_blank_lines.sse", "sse.unterminated_event"},
      {"chat_no_done.sse", "sse.chat.done_missing"},
      {"chat_no_finish_reason.sse", "sse.chat.finish_reason_missing"},
      {"chat_truncated_json.sse", "sse.chat.invalid_json"},
      {"messages_event_name_mismatch.sse", "sse.messages.event_field_mismatch"},
      {"messages_no_message_stop.sse", "sse.messages.stop_missing"},
      {"responses_no_terminal.sse", "sse.responses.terminal_missing"},
      {"responses_text_mismatch.sse", "sse.responses.text_mismatch"},
  };
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(kData / "broken")) {
    ++files;
    const std::string name = entry.path().filename().string();
    ASSERT_TRUE(expected.count(name)) << name << " has no expected check id in this test";
    const auto verdict = judge_file(entry.path(), endpoint_of(entry.path()));
    EXPECT_TRUE(has_error(verdict, expected.at(name))) << name << ": expected " << expected.at(name)
                                                       << testing::errors_of(verdict.findings);
  }
  EXPECT_EQ(files, expected.size());
}

TEST(SavedResponseCheck, JsonBodiesAreJudgedAgainstTheEndpointsSchemas) {
  SavedResponse saved;
  saved.endpoint = "chat_completions";
  saved.bytes = R"({"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"openai/gpt-4o",
    "choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"logprobs":null,"finish_reason":"stop"}],
    "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}})";
  auto ok = judge(saved);
  EXPECT_FALSE(ok.stream);
  EXPECT_FALSE(ok.failed()) << testing::errors_of(ok.findings);

  saved.bytes.replace(saved.bytes.find("\"stop\""), 6, "\"eos\"");
  EXPECT_TRUE(has_error(judge(saved), "schema.response"));

  // An error body with its status: the gateway envelope, code equal to the status.
  saved.status = 429;
  saved.bytes = R"({"error":{"message":"Slow down","type":"rate_limit_error","param":null,"code":429}})";
  EXPECT_FALSE(judge(saved).failed());
  saved.bytes = R"({"error":{"message":"Slow down","type":"rate_limit_error","param":null,"code":503}})";
  EXPECT_TRUE(has_error(judge(saved), "envelope.code_mismatch"));
}

TEST(SavedResponseCheck, TheRequestEnablesTheContractChecks) {
  SavedResponse saved;
  saved.endpoint = "chat_completions";
  saved.bytes = R"({"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"openai/gpt-4o",
    "choices":[{"index":0,"message":{"role":"assistant","content":"{\"city\":7}"},"logprobs":null,"finish_reason":"stop"}],
    "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}})";
  EXPECT_FALSE(judge(saved).failed());
  saved.request = nlohmann::json::parse(R"({"model":"openai/gpt-4o","messages":[{"role":"user","content":"x"}],
    "response_format":{"type":"json_schema","json_schema":{"name":"c","strict":true,"schema":{"type":"object",
    "properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}}}})");
  const auto verdict = judge(saved);
  EXPECT_TRUE(verdict.failed());
  bool contract = false;
  for (const auto& f : verdict.findings) contract = contract || f.id.rfind("contract.", 0) == 0;
  EXPECT_TRUE(contract) << testing::errors_of(verdict.findings);
}

TEST(SavedResponseCheck, FormatAndEndpointProblemsAreErrors) {
  SavedResponse saved;
  saved.endpoint = "completions";
  saved.bytes = "{}";
  auto r = check_saved_response(saved, schemas(), Profile::standard);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().id, "check.endpoint");
  saved.endpoint = "embeddings";
  saved.bytes = "data: {}\n\n";
  r = check_saved_response(saved, schemas(), Profile::standard);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().id, "check.format");
  // An explicit format wins over the first byte; an empty file is judged, not guessed at.
  saved.endpoint = "chat_completions";
  saved.bytes = "{\"not\":\"a stream\"}";
  saved.format = SavedFormat::sse;
  EXPECT_TRUE(judge(saved).stream);
  saved.format = SavedFormat::automatic;
  saved.bytes = "";
  EXPECT_TRUE(judge(saved).failed());
}

TEST(SavedResponseCheck, RealCapturedStreamsGetTheirDocumentedVerdict) {
  if (!testing::stream_corpus_present()) GTEST_SKIP() << "shared corpus absent";
  std::size_t rows = 0;
  for (auto& row : testing::read_corpus_index(testing::shared_corpus_dir() / "real-streams" / "INDEX.tsv")) {
    ++rows;
    const std::string& expect = row["expect"];
    const fs::path file = testing::shared_corpus_dir() / "real-streams" / row["file"];
    const std::string endpoint = *endpoint_for_dialect(row["dialect"]);
    if (expect == "pass") {
      const auto v = judge_file(file, endpoint, Profile::standard);
      EXPECT_FALSE(v.failed()) << row["file"] << testing::errors_of(v.findings);
    } else if (expect.rfind("pass-", 0) == 0) {
      const auto v = judge_file(file, endpoint, Profile::lenient);
      EXPECT_FALSE(v.failed()) << row["file"] << testing::errors_of(v.findings);
    } else if (expect == "broken") {
      EXPECT_TRUE(has_error(judge_file(file, endpoint), "sse.chat.finish_reason_missing")) << row["file"];
    } else if (expect == "error-terminated") {
      const std::string id = row["dialect"] == "chat" ? "sse.chat.error_chunk" : "sse." + row["dialect"] + ".error_event";
      EXPECT_TRUE(has_error(judge_file(file, endpoint), id)) << row["file"];
    } else {
      ADD_FAILURE() << row["file"] << ": unknown expect " << expect;
    }
  }
  EXPECT_GT(rows, 40u);
}

TEST(SavedResponseCheck, RealCapturedBodiesPassExceptTheKnownDeviation) {
  if (!testing::stream_corpus_present()) GTEST_SKIP() << "shared corpus absent";
  for (auto& row : testing::read_corpus_index(testing::shared_corpus_dir() / "real-bodies" / "INDEX.tsv")) {
    if (row["kind"] == "error") continue;  // providers' own envelopes, not the gateway's
    const auto v = judge_file(testing::shared_corpus_dir() / "real-bodies" / row["file"], *endpoint_for_dialect(row["kind"] == "chat" ? "chat" : row["kind"]));
    if (row["file"].find("together") != std::string::npos) {
      EXPECT_TRUE(has_error(v, "schema.response")) << "finish_reason \"eos\" must be normalised by a gateway";
    } else {
      EXPECT_FALSE(v.failed()) << row["file"] << testing::errors_of(v.findings);
    }
  }
}

}  // namespace
}  // namespace siraya::harness
