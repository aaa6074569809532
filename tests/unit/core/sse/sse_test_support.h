#pragma once
// Helpers shared by the SSE decoder tests: binary file reading and chunked decoding.
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/sse/decoder.h"
#include "core/sse/event.h"

namespace siraya::core::sse::testing {

inline std::string read_binary(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::filesystem::path own_corpus_dir() {
  return std::filesystem::path(SIRAYA_SOURCE_DIR) / "tests" / "corpus" / "sse";
}

inline std::vector<std::string> finding_ids(const Findings& findings) {
  std::vector<std::string> ids;
  for (const auto& f : findings) ids.push_back(f.id);
  return ids;
}

// Feeds `body` cut at the given ascending positions, then finishes.
inline Decoded decode_chunked(std::string_view body, const std::vector<std::size_t>& cuts) {
  Decoder decoder;
  Decoded result;
  std::size_t start = 0;
  auto take = [&](std::size_t end) {
    for (auto& e : decoder.feed(body.substr(start, end - start))) result.events.push_back(std::move(e));
    start = end;
  };
  for (std::size_t cut : cuts) take(cut);
  take(body.size());
  decoder.finish();
  result.findings = decoder.findings();
  result.comments = decoder.comments();
  return result;
}

inline Decoded decode_bytewise(std::string_view body) {
  Decoder decoder;
  Decoded result;
  for (std::size_t i = 0; i < body.size(); ++i)
    for (auto& e : decoder.feed(body.substr(i, 1))) result.events.push_back(std::move(e));
  decoder.finish();
  result.findings = decoder.findings();
  result.comments = decoder.comments();
  return result;
}

// Everything a client can observe, arrival times aside (they depend on the chunking).
inline bool same_event(const Event& a, const Event& b) {
  return a.type == b.type && a.data == b.data && a.id == b.id && a.retry == b.retry &&
         a.index == b.index && a.byte_offset == b.byte_offset && a.data_lines == b.data_lines;
}

inline bool same_finding(const Finding& a, const Finding& b) {
  return a.id == b.id && a.severity == b.severity && a.location == b.location && a.what == b.what;
}

inline bool same_decoding(const Decoded& a, const Decoded& b) {
  if (a.events.size() != b.events.size() || a.findings.size() != b.findings.size() ||
      a.comments != b.comments)
    return false;
  for (std::size_t i = 0; i < a.events.size(); ++i)
    if (!same_event(a.events[i], b.events[i])) return false;
  for (std::size_t i = 0; i < a.findings.size(); ++i)
    if (!same_finding(a.findings[i], b.findings[i])) return false;
  return true;
}

}  // namespace siraya::core::sse::testing
