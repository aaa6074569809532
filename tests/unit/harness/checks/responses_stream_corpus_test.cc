// Real captured /v1/responses streams and bodies (shared corpus, see its README): every valid
// stream raises no error finding (pass: standard profile; pass-lenient, pass-legacy, pass-resume:
// lenient profile), error-terminated streams are reported with sse.responses.error_event, and the
// real bodies validate against responses/response.json. Framing findings are the decoder's
// (tested with it); these tests look at the state machine's own findings. Skipped when the
// corpus folder is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/schema/registry.h"
#include "core/sse/decoder.h"
#include "harness/checks/catalog.h"
#include "harness/checks/responses_stream.h"
#include "tests/support/findings_text.h"
#include "tests/support/shared_corpus.h"

namespace siraya::harness {
namespace {

namespace fs = std::filesystem;

struct Checked {
  core::Findings findings;
  nlohmann::json accumulated;
};

Checked check_file(const std::string& file, Profile profile) {
  static auto schemas = core::schema::Registry::embedded();
  auto decoded = core::sse::decode_all(testing::read_binary(testing::shared_corpus_dir() / "real-streams" / file));
  ResponsesStreamOptions options;
  options.schemas = schemas ? schemas->get() : nullptr;
  auto result = check_responses_stream(decoded.events, options);
  apply_profile(result.findings, profile);
  return {std::move(result.findings), std::move(result.accumulated)};
}

using testing::errors_of;

class RealResponsesStreams : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::stream_corpus_present()) GTEST_SKIP() << "shared corpus not present";
  }
  static std::vector<testing::IndexRow> rows() { return testing::stream_rows("responses"); }
};

TEST_F(RealResponsesStreams, ValidStreamsRaiseNoError) {
  std::size_t checked = 0;
  for (auto& row : rows()) {
    const std::string& expect = row["expect"];
    if (expect != "pass" && expect != "pass-lenient" && expect != "pass-legacy" && expect != "pass-resume") continue;
    auto checked_file = check_file(row["file"], expect == "pass" ? Profile::standard : Profile::lenient);
    EXPECT_FALSE(core::has_errors(checked_file.findings)) << row["file"] << " (" << expect << "):"
                                                          << errors_of(checked_file.findings);
    EXPECT_EQ(checked_file.accumulated["status"], "completed") << row["file"];
    EXPECT_FALSE(checked_file.accumulated["output"].empty()) << row["file"];
    ++checked;
  }
  EXPECT_GE(checked, 10u);
}

TEST_F(RealResponsesStreams, NonStandardStreamsAreFlaggedUnderTheStandardProfile) {
  for (auto& row : rows()) {
    if (row["expect"] != "pass-legacy" && row["expect"] != "pass-resume") continue;
    EXPECT_TRUE(core::has_errors(check_file(row["file"], Profile::standard).findings)) << row["file"];
  }
}

TEST_F(RealResponsesStreams, ErrorTerminatedStreamsReportTheErrorEvent) {
  std::size_t checked = 0;
  for (auto& row : rows()) {
    if (row["expect"] != "error-terminated") continue;
    for (auto profile : {Profile::lenient, Profile::standard}) {
      bool found = false;
      for (const auto& f : check_file(row["file"], profile).findings) {
        found = found || (f.id == "sse.responses.error_event" && f.severity == core::Severity::error);
      }
      EXPECT_TRUE(found) << row["file"];
    }
    ++checked;
  }
  EXPECT_GE(checked, 1u);
}

TEST_F(RealResponsesStreams, RealBodiesMatchTheResponseSchema) {
  auto schemas = core::schema::Registry::embedded();
  ASSERT_TRUE(schemas);
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(testing::shared_corpus_dir() / "real-bodies" / "responses")) {
    if (entry.path().extension() != ".json") continue;
    auto body = nlohmann::json::parse(testing::read_binary(entry.path()), nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << entry.path();
    auto findings = (*schemas)->validate("responses/response.json", body, entry.path().filename().string());
    EXPECT_TRUE(findings.empty()) << findings.front().to_string();
    ++checked;
  }
  EXPECT_GE(checked, 1u);
}

}  // namespace
}  // namespace siraya::harness
