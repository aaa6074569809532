#pragma once
// Token counting for usage. The gateway documents that usage counts are normalised with the
// GPT-4o tokenizer, o200k_base (reference README §6); these functions use the real one
// (core/tokenizer/tokenizer.h), so counts equal tiktoken's for the same text.
//
// Per-message overhead (prompt side). What the gateway adds for roles and message framing is not
// documented (README §6: UNVERIFIED). The mock uses OpenAI's published rule for chat models:
// every message costs kTokensPerMessage tokens on top of its content (role and delimiters), and
// every prompt kReplyPrimingTokens more for the reply's priming (<|start|>assistant<|message|>).
// Tool definitions count as the tokens of their name and of their JSON schema text. Suites
// should therefore assert invariants (total = prompt + completion, completion > 0 when text was
// produced) rather than exact prompt counts; completion counts are exact o200k counts of the
// generated text.
#include <cstddef>
#include <string_view>
#include <vector>

namespace siraya::mock::generation {

inline constexpr std::size_t kTokensPerMessage = 3;
inline constexpr std::size_t kReplyPrimingTokens = 3;

// The o200k_base token count of `text` (special-token text counts as ordinary text).
std::size_t count_tokens(std::string_view text);

// `text` cut at its token boundaries, in order; the pieces concatenate to `text`. Where a token
// ends inside a multi-byte UTF-8 character (byte-level BPE splits rare characters and most emoji
// into several tokens), the tokens are joined until the character is complete, so every piece of
// valid UTF-8 is valid UTF-8 and there may be fewer pieces than count_tokens(text).
std::vector<std::string_view> split_tokens(std::string_view text);

// Length in bytes of the longest prefix of `text` that ends at a token boundary outside any UTF-8
// character and whose own token count is at most `max_tokens` (text.size() when the whole text
// fits). count_tokens(text.substr(0, prefix_with_tokens(text, n))) <= n always holds.
std::size_t prefix_with_tokens(std::string_view text, std::size_t max_tokens);

}  // namespace siraya::mock::generation
