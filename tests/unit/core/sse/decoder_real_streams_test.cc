// Real captured streams (shared corpus, real-streams/): the decoder must not raise a false alarm
// on any of them, and must flag the one fixture whose last event lacks its blank line.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/sse/decoder.h"
#include "sse_test_support.h"
#include "tests/support/shared_corpus.h"

namespace siraya::core::sse {
namespace {

namespace fs = std::filesystem;
using testing::decode_chunked;
using testing::finding_ids;
using testing::read_binary;
using testing::same_decoding;

const fs::path kRealStreams = fs::path(SIRAYA_SHARED_CORPUS_DIR) / "real-streams";
constexpr const char* kUnterminatedFixture =
    "responses/SwiftAgent__openai-error-insufficient-quota-failed.sse";

// INDEX.tsv rows keyed by the `file` column.
std::map<std::string, siraya::testing::IndexRow> read_index() {
  std::map<std::string, siraya::testing::IndexRow> rows;
  for (auto& row : siraya::testing::read_corpus_index(kRealStreams / "INDEX.tsv")) rows[row["file"]] = row;
  return rows;
}

std::vector<fs::path> stream_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(kRealStreams))
    if (entry.is_regular_file() && entry.path().extension() == ".sse") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(SseRealStreams, DecodeWithoutFalseAlarms) {
  if (!fs::is_directory(kRealStreams)) GTEST_SKIP() << "shared corpus not present";
  const auto index = read_index();
  const auto files = stream_files();
  ASSERT_FALSE(files.empty());
  std::size_t done_checked = 0;
  for (const auto& path : files) {
    const std::string rel = fs::relative(path, kRealStreams).generic_string();
    SCOPED_TRACE(rel);
    const Decoded d = decode_all(read_binary(path));
    EXPECT_GT(d.events.size(), 0u);
    if (rel == kUnterminatedFixture) {
      const auto ids = finding_ids(d.findings);
      EXPECT_NE(std::find(ids.begin(), ids.end(), "sse.unterminated_event"), ids.end());
    } else {
      for (const auto& f : d.findings) EXPECT_NE(f.severity, Severity::error) << f.to_string();
    }
    const auto row = index.find(rel);
    if (row == index.end()) continue;
    const auto& cols = row->second;
    if (cols.at("dialect") == "chat" && cols.at("terminal") == "[DONE]") {
      ASSERT_FALSE(d.events.empty());
      EXPECT_EQ(d.events.back().data, "[DONE]");
      ++done_checked;
    }
  }
  EXPECT_GT(done_checked, 0u) << "INDEX.tsv lists no chat stream ending in [DONE]";
}

TEST(SseRealStreams, EventAndCommentCountsMatchTheIndex) {
  if (!fs::is_directory(kRealStreams)) GTEST_SKIP() << "shared corpus not present";
  for (const auto& [file, cols] : read_index()) {
    SCOPED_TRACE(file);
    const Decoded d = decode_all(read_binary(kRealStreams / file));
    // The index counts the fixture's unterminated last event, which WHATWG discards.
    const std::size_t discarded = file == kUnterminatedFixture ? 1 : 0;
    EXPECT_EQ(std::to_string(d.events.size() + discarded), cols.at("events"));
    // `oddities` notes keep-alive comments as "comments:N(...)"; no note means none.
    const std::string& odd = cols.at("oddities");
    const auto at = odd.find("comments:");
    const std::string comments =
        at == std::string::npos ? "0" : odd.substr(at + 9, odd.find('(', at) - at - 9);
    EXPECT_EQ(std::to_string(d.comments), comments);
  }
}

TEST(SseRealStreams, RandomChunkingDecodesLikeOneChunk) {
  if (!fs::is_directory(kRealStreams)) GTEST_SKIP() << "shared corpus not present";
  std::mt19937 rng(7);
  for (const auto& path : stream_files()) {
    SCOPED_TRACE(path.filename().string());
    const std::string body = read_binary(path);
    const Decoded whole = decode_all(body);
    for (std::size_t max_chunk : {1u, 7u, 64u, 1500u}) {
      std::uniform_int_distribution<std::size_t> size(1, max_chunk);
      std::vector<std::size_t> cuts;
      for (std::size_t at = size(rng); at < body.size(); at += size(rng)) cuts.push_back(at);
      EXPECT_TRUE(same_decoding(decode_chunked(body, cuts), whole)) << "chunks up to " << max_chunk;
    }
  }
}

}  // namespace
}  // namespace siraya::core::sse
