#pragma once
// Seam for token counting. The gateway counts usage with OpenAI's o200k_base tokenizer
// (reference README §6). Until that tokenizer is built in, this is an APPROXIMATION: one token
// per run of letters and digits (bytes >= 0x80 count as letters, so UTF-8 sequences stay whole)
// and one token per other visible character; whitespace belongs to the token that follows it.
// Callers must only rely on the contract below, never on the exact counts.
#include <cstddef>
#include <string_view>
#include <vector>

namespace siraya::mock::generation {

std::size_t count_tokens(std::string_view text);

// The tokens of `text`, each with the whitespace before it; trailing whitespace joins the last
// token, so the pieces always concatenate to `text`.
std::vector<std::string_view> split_tokens(std::string_view text);

// Length in bytes of the longest prefix of `text` with at most `max_tokens` tokens that ends at a
// token boundary (excluding the whitespace that would lead the next token).
std::size_t prefix_with_tokens(std::string_view text, std::size_t max_tokens);

}  // namespace siraya::mock::generation
