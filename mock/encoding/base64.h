#pragma once
// Standard base64 (RFC 4648 §4): the alphabet A-Z a-z 0-9 + /, "=" padding to a multiple of four
// characters. Encoding serves embeddings' encoding_format "base64" (embeddings-rerank-models.md
// §1.3); checking serves attachments, whose data is base64 either raw (chat input_audio.data,
// messages source.data) or inside a data URL (chat-completions.md §2.1, responses.md §2,
// messages.md §3).
#include <cstddef>
#include <string>
#include <string_view>

namespace siraya::mock::encoding {

std::string base64_encode(std::string_view bytes);

// What check_base64 found: the decoded size, or what is wrong with the text.
struct Base64Check {
  bool valid = false;
  std::size_t decoded_size = 0;
  std::string problem;  // when !valid, e.g. "character '!' at offset 0 is not in the base64 alphabet"
};

// Strict RFC 4648 §4 decoding without decoding: every character in the alphabet (no white space,
// no URL-safe "-" / "_", RFC 4648 §3.3), the length a multiple of four (§3.2: padding required),
// "=" only as one or two final characters. The bits a final quantum leaves unused need not be
// zero (§3.5 allows either). One pass, no allocation beyond the problem text: safe on the 32 MB
// the mock accepts. The empty text is valid (zero bytes).
Base64Check check_base64(std::string_view text);

}  // namespace siraya::mock::encoding
