// Build-time tool: turns js-tiktoken's dist/ranks/o200k_base.js (reference README §6) into the
// binary blob described in core/tokenizer/rank_blob.h, plus a one-line C++ source that links the
// blob into siraya_core with `.incbin` (fast to compile, unlike a C array of 2 MB).
//
//   siraya_o200k_pack RANKS_JS OUT_BLOB OUT_CC
//
// The source file is `export default {...};` around a JSON object with `pat_str`,
// `special_tokens` and `bpe_ranks`; `bpe_ranks` holds lines "<tag> <offset> <b64> <b64> ...",
// where the i-th base64 string is the byte sequence of rank offset + i (js-tiktoken reads it the
// same way). The tool refuses data that is not exactly o200k_base's shape: 199998 distinct ranks
// 0..199997, every single byte among them, and the two documented special tokens. Outputs are
// rewritten only when their content changes.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/tokenizer/rank_blob.h"

namespace {

namespace blob = siraya::core::tokenizer::blob;

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "siraya_o200k_pack: %s\n", message.c_str());
  std::exit(1);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) die("cannot read " + path + " (run scripts/install.d/o200k-ranks.sh)");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_if_changed(const std::string& path, const std::string& content) {
  {
    std::ifstream in(path, std::ios::binary);
    if (in && std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()) == content) return;
  }
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) die("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) die("cannot rename " + tmp + " to " + path);
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Standard base64 with '=' padding (what js-tiktoken decodes with base64-js).
std::string base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) die("base64 token of bad length: " + std::string(text));
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '=') {
      if (i + 2 < text.size()) die("misplaced padding in base64 token: " + std::string(text));
      break;
    }
    const int v = base64_value(c);
    if (v < 0) die("bad base64 token: " + std::string(text));
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

std::vector<std::string> split_spaces(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t i = 0;
  while (i < line.size()) {
    const std::size_t end = std::min(line.find(' ', i), line.size());
    if (end > i) fields.emplace_back(line.substr(i, end - i));
    i = end + 1;
  }
  return fields;
}

std::vector<std::string> decode_ranks(const std::string& bpe_ranks) {
  std::map<std::uint64_t, std::string> by_rank;
  std::istringstream lines(bpe_ranks);
  std::string line;
  while (std::getline(lines, line)) {
    const auto fields = split_spaces(line);
    if (fields.empty()) continue;
    if (fields.size() < 2) die("bpe_ranks line without an offset");
    char* end = nullptr;
    const unsigned long long offset = std::strtoull(fields[1].c_str(), &end, 10);
    if (end == fields[1].c_str() || *end != '\0') die("bpe_ranks offset is not a number: " + fields[1]);
    for (std::size_t i = 2; i < fields.size(); ++i) {
      if (!by_rank.emplace(offset + (i - 2), base64_decode(fields[i])).second) {
        die("rank " + std::to_string(offset + (i - 2)) + " appears twice");
      }
    }
  }
  if (by_rank.size() != blob::kO200kRankCount) {
    die("expected " + std::to_string(blob::kO200kRankCount) + " ranks, found " + std::to_string(by_rank.size()) +
        " (is this o200k_base from js-tiktoken 1.0.21?)");
  }
  std::vector<std::string> tokens;
  tokens.reserve(by_rank.size());
  for (const auto& [rank, bytes] : by_rank) {
    if (rank != tokens.size()) die("ranks are not contiguous: missing " + std::to_string(tokens.size()));
    if (bytes.empty()) die("rank " + std::to_string(rank) + " is empty");
    tokens.push_back(bytes);
  }
  std::set<std::string_view> distinct(tokens.begin(), tokens.end());
  if (distinct.size() != tokens.size()) die("two ranks share one byte sequence");
  for (int b = 0; b < 256; ++b) {
    if (!distinct.count(std::string(1, static_cast<char>(b)))) die("byte " + std::to_string(b) + " has no rank");
  }
  return tokens;
}

void put_u32(std::string& out, std::uint32_t v) {
  char bytes[4];
  std::memcpy(bytes, &v, 4);
  out.append(bytes, 4);
}

std::uint64_t fnv1a64(std::string_view data) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// The linker source. The blob's hash is part of the compiled text, so a compiler cache never
// serves an object built from other data.
std::string linker_source(const std::string& blob_path, const std::string& blob_data) {
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a64(blob_data)));
  if (blob_path.find_first_of("\"\\\n") != std::string::npos) die("unsupported character in path " + blob_path);
  std::string s;
  s += "// Generated by core/tokenizer/pack/o200k_pack.cc. Do not edit.\n";
  s += "// Links the o200k_base rank blob (core/tokenizer/rank_blob.h) into siraya_core.\n";
  s += "asm(\".section .rodata.siraya_o200k,\\\"a\\\"\\n\"\n";
  s += "    \".balign 16\\n\"\n";
  s += "    \".globl siraya_o200k_blob_begin\\n\"\n";
  s += "    \"siraya_o200k_blob_begin:\\n\"\n";
  s += "    \".incbin \\\"" + blob_path + "\\\"\\n\"\n";
  s += "    \".globl siraya_o200k_blob_end\\n\"\n";
  s += "    \"siraya_o200k_blob_end:\\n\"\n";
  s += "    \".previous\\n\"\n";
  s += "    \".ident \\\"siraya o200k blob fnv1a64 " + std::string(hash) + " size " +
       std::to_string(blob_data.size()) + "\\\"\\n\");\n";
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) die("usage: siraya_o200k_pack RANKS_JS OUT_BLOB OUT_CC");
  const std::string source = read_file(argv[1]);
  const std::size_t open = source.find('{');
  const std::size_t close = source.rfind('}');
  if (open == std::string::npos || close == std::string::npos || close < open) die("no JSON object in " + std::string(argv[1]));
  const auto doc = nlohmann::json::parse(source.substr(open, close - open + 1), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) die("the object in " + std::string(argv[1]) + " is not JSON");
  if (!doc.contains("pat_str") || !doc["pat_str"].is_string()) die("pat_str missing");
  if (!doc.contains("bpe_ranks") || !doc["bpe_ranks"].is_string()) die("bpe_ranks missing");
  if (!doc.contains("special_tokens") || !doc["special_tokens"].is_object()) die("special_tokens missing");

  const std::string pattern = doc["pat_str"].get<std::string>();
  const std::vector<std::string> tokens = decode_ranks(doc["bpe_ranks"].get<std::string>());
  std::vector<std::pair<std::uint32_t, std::string>> specials;
  for (const auto& [text, id] : doc["special_tokens"].items()) {
    if (!id.is_number_unsigned()) die("special token " + text + " has no numeric id");
    specials.emplace_back(id.get<std::uint32_t>(), text);
  }
  const auto has_special = [&](std::uint32_t id, std::string_view text) {
    for (const auto& [i, t] : specials) {
      if (i == id && t == text) return true;
    }
    return false;
  };
  if (!has_special(blob::kO200kEndOfText, "<|endoftext|>") || !has_special(blob::kO200kEndOfPrompt, "<|endofprompt|>")) {
    die("special tokens are not o200k_base's <|endoftext|> = 199999 and <|endofprompt|> = 200018");
  }

  std::string token_bytes;
  std::vector<std::uint32_t> offsets{0};
  for (const auto& t : tokens) {
    token_bytes += t;
    offsets.push_back(static_cast<std::uint32_t>(token_bytes.size()));
  }
  std::string out(blob::kMagic, sizeof blob::kMagic);
  put_u32(out, blob::kFormatVersion);
  put_u32(out, static_cast<std::uint32_t>(tokens.size()));
  put_u32(out, static_cast<std::uint32_t>(specials.size()));
  put_u32(out, static_cast<std::uint32_t>(pattern.size()));
  put_u32(out, static_cast<std::uint32_t>(token_bytes.size()));
  out += pattern;
  for (auto o : offsets) put_u32(out, o);
  out += token_bytes;
  for (const auto& [id, text] : specials) {
    put_u32(out, id);
    put_u32(out, static_cast<std::uint32_t>(text.size()));
    out += text;
  }
  write_if_changed(argv[2], out);
  write_if_changed(argv[3], linker_source(argv[2], out));
  return 0;
}
