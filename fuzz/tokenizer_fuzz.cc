// The o200k_base tokenizer (core/tokenizer/tokenizer.h) on arbitrary bytes, UTF-8 or not.
// Invariants (the header's contract): decode(encode(x)) == x, count(x) == encode(x).size(),
// and visit() reports the same ids as tokens that tile the text in order.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/tokenizer/tokenizer.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace siraya;
  const auto& tokenizer = core::tokenizer::Tokenizer::o200k_base();
  const std::string_view text = fuzz::as_text(data, size);

  const std::vector<core::tokenizer::TokenId> ids = tokenizer.encode(text);
  const auto decoded = tokenizer.decode(ids);
  fuzz::require(static_cast<bool>(decoded), "decode rejects what encode produced",
                decoded ? "" : decoded.error().to_string());
  fuzz::require(*decoded == text, "decode(encode(x)) != x");
  fuzz::require(tokenizer.count(text) == ids.size(), "count(x) != encode(x).size()");

  std::size_t at = 0;
  std::size_t i = 0;
  tokenizer.visit(text, [&](const core::tokenizer::Token& token) {
    fuzz::require(i < ids.size() && token.id == ids[i], "visit() and encode() disagree on an id");
    fuzz::require(token.begin == at && token.end > token.begin && token.end <= text.size(),
                  "visit()'s tokens do not tile the text");
    at = token.end;
    ++i;
    return true;
  });
  fuzz::require(i == ids.size() && at == text.size(), "visit() does not cover the text");
  return 0;
}
