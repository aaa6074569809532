#pragma once
// Splitting generated text into stream fragments.
#include <cstddef>
#include <string>
#include <vector>

namespace siraya::mock::generation {

// Pieces of at most `size` bytes (at least one byte each) that never split a UTF-8 sequence.
// Every prefix of JSON text is a valid JSON prefix, which is all the SDKs' partial parsers need
// (chat-completions.md §9, messages.md §7.2), so tool arguments can be cut anywhere else.
std::vector<std::string> utf8_fragments(const std::string& text, std::size_t size);

}  // namespace siraya::mock::generation
