#pragma once
// Reading the shared corpus of real captured responses (../shared/corpus beside the checkout,
// compile definition SIRAYA_SHARED_CORPUS_DIR). Tests that use it skip when it is absent.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace siraya::testing {

inline std::filesystem::path shared_corpus_dir() { return SIRAYA_SHARED_CORPUS_DIR; }

inline std::string read_binary(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// One INDEX.tsv row: column name -> value.
using IndexRow = std::map<std::string, std::string>;

// The rows of an INDEX.tsv (tab-separated, header row first), in file order.
inline std::vector<IndexRow> read_corpus_index(const std::filesystem::path& index_tsv) {
  std::vector<IndexRow> rows;
  std::istringstream in(read_binary(index_tsv));
  std::string line;
  std::vector<std::string> header;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::istringstream row_in(line);
    for (std::string cell; std::getline(row_in, cell, '\t');) cells.push_back(cell);
    if (header.empty()) {
      header = std::move(cells);
      continue;
    }
    IndexRow row;
    for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

// The real-streams rows of one dialect ("chat", "responses", "messages"); empty without the corpus.
inline std::vector<IndexRow> stream_rows(const std::string& dialect) {
  std::vector<IndexRow> out;
  for (auto& r : read_corpus_index(shared_corpus_dir() / "real-streams" / "INDEX.tsv")) {
    if (r["dialect"] == dialect) out.push_back(std::move(r));
  }
  return out;
}

inline bool stream_corpus_present() {
  return std::filesystem::exists(shared_corpus_dir() / "real-streams" / "INDEX.tsv");
}

}  // namespace siraya::testing
