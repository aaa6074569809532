#pragma once
// OpenAI's o200k_base tokenizer (GPT-4o), with which the gateway normalises usage counts
// (reference README §6): byte-level BPE over the o200k_base ranks, after pre-tokenisation with
// its own pattern. Ids match tiktoken's encode_ordinary token for token: special tokens such as
// "<|endoftext|>" in the text are ordinary text, never special ids.
//
// Input is UTF-8. Ill-formed bytes are kept and encoded as raw bytes (core/tokenizer/
// pre_tokenizer.h), so every input round-trips: decode(encode(x)) == x.
//
// Thread-safe: the tokenizer is immutable after its first use; every call keeps its own scratch.
//
// Error ids: tokenizer.unknown_token (decode got an id that is neither a rank nor a special token).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace siraya::core::tokenizer {

using TokenId = std::uint32_t;

// One token of an encoded text: its id and the bytes [begin, end) of the text it stands for.
// Tokens tile the text; a token may end inside a multi-byte UTF-8 character (byte-level BPE).
struct Token {
  TokenId id;
  std::size_t begin;
  std::size_t end;
};

class RankTable;
class PreTokenizer;

class Tokenizer {
 public:
  // The o200k_base tokenizer, built on first use (tens of milliseconds); thread-safe.
  static const Tokenizer& o200k_base();

  std::vector<TokenId> encode(std::string_view text) const;
  std::size_t count(std::string_view text) const;
  // Calls `visit` for each token in order until it returns false.
  void visit(std::string_view text, const std::function<bool(const Token&)>& visit) const;
  // The bytes of `ids`, concatenated (special ids give their text).
  Result<std::string> decode(std::span<const TokenId> ids) const;

  // The pre-tokenisation pattern as the rank data spells it, and whether PCRE2 JIT runs it.
  std::string_view pattern() const;
  bool jit() const;
  // Number of ranks (199998 for o200k_base).
  std::size_t vocabulary_size() const;

  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

 private:
  explicit Tokenizer(const RankTable& ranks);

  template <class Emit>
  void each_token(std::string_view text, Emit&& emit) const;

  const RankTable& ranks_;
  std::unique_ptr<PreTokenizer> pre_;
};

}  // namespace siraya::core::tokenizer
