// Real captured chat streams (shared corpus, see its README): every valid one passes with no
// error finding (pass: standard profile; pass-lenient: lenient profile), and the broken ones
// are caught with the right check id. Skipped when the corpus folder is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/schema/registry.h"
#include "core/sse/decoder.h"
#include "harness/checks/catalog.h"
#include "harness/checks/chat_stream.h"
#include "tests/support/findings_text.h"
#include "tests/support/shared_corpus.h"

namespace siraya::harness {
namespace {

struct Row {
  std::string file, dialect, expect;
};

std::vector<Row> chat_rows() {
  std::vector<Row> rows;
  for (auto& r : testing::read_corpus_index(testing::shared_corpus_dir() / "real-streams" / "INDEX.tsv")) {
    if (r["dialect"] == "chat") rows.push_back({r["file"], r["dialect"], r["expect"]});
  }
  return rows;
}

core::Findings check_file(const Row& row, Profile profile) {
  static auto schemas = core::schema::Registry::embedded();
  auto decoded = core::sse::decode_all(testing::read_binary(testing::shared_corpus_dir() / "real-streams" / row.file));
  ChatStreamOptions options;
  options.schemas = schemas ? schemas->get() : nullptr;
  auto result = check_chat_stream(decoded.events, options);
  core::Findings all = decoded.findings;
  all.insert(all.end(), result.findings.begin(), result.findings.end());
  apply_profile(all, profile);
  return all;
}

bool has_error(const core::Findings& findings, const std::string& id) {
  for (const auto& f : findings) {
    if (f.id == id && f.severity == core::Severity::error) return true;
  }
  return false;
}

using testing::errors_of;

class RealChatStreams : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(std::string(SIRAYA_SHARED_CORPUS_DIR) + "/real-streams/INDEX.tsv")) {
      GTEST_SKIP() << "shared corpus not present";
    }
  }
};

TEST_F(RealChatStreams, ValidStreamsRaiseNoError) {
  std::size_t checked = 0;
  for (const auto& row : chat_rows()) {
    if (row.expect != "pass" && row.expect != "pass-lenient") continue;
    const Profile profile = row.expect == "pass" ? Profile::standard : Profile::lenient;
    auto findings = check_file(row, profile);
    EXPECT_FALSE(core::has_errors(findings)) << row.file << " (" << row.expect << "):" << errors_of(findings);
    ++checked;
  }
  EXPECT_GT(checked, 10u);
}

TEST_F(RealChatStreams, BrokenStreamsAreCaught) {
  std::size_t checked = 0;
  for (const auto& row : chat_rows()) {
    if (row.expect == "broken") {
      for (auto profile : {Profile::lenient, Profile::standard}) {
        EXPECT_TRUE(has_error(check_file(row, profile), "sse.chat.finish_reason_missing")) << row.file;
      }
      ++checked;
    } else if (row.expect == "error-terminated") {
      for (auto profile : {Profile::lenient, Profile::standard}) {
        EXPECT_TRUE(has_error(check_file(row, profile), "sse.chat.error_chunk")) << row.file;
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 2u);
}

}  // namespace
}  // namespace siraya::harness
