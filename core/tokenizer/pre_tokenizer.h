#pragma once
// Pre-tokenisation: the o200k_base pattern (pat_str, used verbatim) splits text into pieces that
// byte-pair merging never crosses. PCRE2 runs it with UTF and UCP (so \p{L}, \s and friends are
// Unicode-aware, as in tiktoken) and JIT when the platform has it.
//
// Invalid UTF-8: compiled with PCRE2_MATCH_INVALID_UTF, so matches never include an ill-formed
// sequence. The bytes between two matches (which can only be ill-formed UTF-8, since the pattern
// matches every character) become one piece of their own and are merged as raw bytes. Nothing is
// dropped or replaced, so pieces always tile the input and decode(encode(x)) == x for any bytes.
// tiktoken encodes Python str, where this cannot occur, so there is no reference behaviour.
#include <cstddef>
#include <memory>
#include <string_view>

namespace siraya::core::tokenizer {

class PreTokenizer {
 public:
  // Compiles `pattern`; a pattern PCRE2 rejects is a build defect and aborts with the reason.
  explicit PreTokenizer(std::string_view pattern);
  ~PreTokenizer();
  PreTokenizer(const PreTokenizer&) = delete;
  PreTokenizer& operator=(const PreTokenizer&) = delete;

  bool jit() const;

  // Walks the pieces of one text. Not shareable between threads; the PreTokenizer is.
  class Cursor {
   public:
    Cursor(const PreTokenizer& owner, std::string_view text);
    ~Cursor();
    Cursor(const Cursor&) = delete;
    Cursor& operator=(const Cursor&) = delete;
    // The next piece as byte offsets [begin, end); false at the end of the text.
    bool next(std::size_t& begin, std::size_t& end);

   private:
    const PreTokenizer& owner_;
    std::string_view text_;
    void* match_data_;
    std::size_t pos_ = 0;
    std::size_t match_begin_ = 0;  // a match found beyond a gap, returned after the gap
    std::size_t match_end_ = 0;
    bool pending_ = false;
  };

 private:
  struct Code;
  std::unique_ptr<Code> code_;
};

}  // namespace siraya::core::tokenizer
