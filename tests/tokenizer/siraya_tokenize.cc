// siraya-tokenize: a tests-only command line around the o200k_base tokenizer.
//
//   siraya-tokenize                 each stdin line is a JSON string; prints its token ids as a
//                                   JSON array, one line per input line (the oracle test feeds it)
//   siraya-tokenize --bench FILE [--bytes N] [--runs R]
//                                   builds N bytes (default 1 MiB) of mixed text by repeating the
//                                   strings of FILE (the tokenizer corpus, {"cases": [...]}) and
//                                   prints the encode throughput, best of R runs (default 5)
//
// Exit codes: 0 done, 2 bad usage or input.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/tokenizer/tokenizer.h"

namespace {

using siraya::core::tokenizer::Tokenizer;
using Clock = std::chrono::steady_clock;

int usage() {
  std::cerr << "usage: siraya-tokenize  (JSON string per stdin line)\n"
               "       siraya-tokenize --bench CORPUS_JSON [--bytes N] [--runs R]\n";
  return 2;
}

int encode_lines() {
  const Tokenizer& tokenizer = Tokenizer::o200k_base();
  std::string line;
  std::size_t number = 0;
  while (std::getline(std::cin, line)) {
    ++number;
    const auto text = nlohmann::json::parse(line, nullptr, false);
    if (text.is_discarded() || !text.is_string()) {
      std::cerr << "siraya-tokenize: line " << number << " is not a JSON string\n";
      return 2;
    }
    std::cout << nlohmann::json(tokenizer.encode(text.get_ref<const std::string&>())).dump() << '\n';
  }
  std::cout.flush();
  return 0;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int bench(const std::string& corpus_path, std::size_t bytes, int runs) {
  std::ifstream in(corpus_path, std::ios::binary);
  const auto corpus = nlohmann::json::parse(std::string(std::istreambuf_iterator<char>(in), {}), nullptr, false);
  if (corpus.is_discarded() || !corpus.contains("cases") || !corpus["cases"].is_array() || corpus["cases"].empty()) {
    std::cerr << "siraya-tokenize: " << corpus_path << " has no \"cases\" array\n";
    return 2;
  }
  std::string text;
  while (text.size() < bytes) {
    for (const auto& c : corpus["cases"]) {
      if (c.is_string()) text += c.get<std::string>() + "\n";
    }
  }
  text.resize(bytes);  // may cut a character: the tokenizer takes any bytes

  auto start = Clock::now();
  const Tokenizer& tokenizer = Tokenizer::o200k_base();
  const double load = seconds_since(start);
  double best = 1e9;
  std::size_t tokens = 0;
  for (int i = 0; i < runs; ++i) {
    start = Clock::now();
    tokens = tokenizer.encode(text).size();
    best = std::min(best, seconds_since(start));
  }
  const double mb = static_cast<double>(text.size()) / (1024.0 * 1024.0);
  std::printf("o200k_base: %.2f MiB of mixed text, %zu tokens\n", mb, tokens);
  std::printf("load (first use): %.1f ms; pcre2 jit: %s\n", load * 1e3, tokenizer.jit() ? "yes" : "no");
  std::printf("encode: %.1f ms best of %d, %.1f MiB/s\n", best * 1e3, runs, mb / best);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return encode_lines();
  if (args[0] != "--bench" || args.size() < 2) return usage();
  std::size_t bytes = 1024 * 1024;
  int runs = 5;
  if (args.size() % 2 != 0) return usage();
  for (std::size_t i = 2; i + 1 < args.size(); i += 2) {
    char* end = nullptr;
    const unsigned long long value = std::strtoull(args[i + 1].c_str(), &end, 10);
    if (end == args[i + 1].c_str() || *end != '\0' || value == 0) return usage();
    if (args[i] == "--bytes") {
      bytes = static_cast<std::size_t>(value);
    } else if (args[i] == "--runs") {
      runs = static_cast<int>(std::min(value, 1000ull));
    } else {
      return usage();
    }
  }
  return bench(args[1], bytes, runs);
}
