#pragma once
// What a prompt is about, reduced to words an answer can mention (docs/generated-text.md). Pure
// functions of the text: no locale, no platform classification beyond ASCII (bytes >= 0x80 count as
// letters, so UTF-8 words stay whole).
#include <string>
#include <string_view>
#include <vector>

namespace siraya::mock::generation {

struct Topic {
  // The subject of the prompt's question, e.g. "the capital of France" for "What is the capital of
  // France?": the last question (else the first sentence) that has a salient word, with leading
  // question words, auxiliaries and requests ("what is", "can you tell me") dropped and my/your
  // swapped. Empty when the prompt has no salient word.
  std::string phrase;
  // Salient words (not stop words) in order of first appearance, deduplicated case-insensitively,
  // spelt as in the prompt; at most 8.
  std::vector<std::string> words;
};

Topic topic_of(std::string_view prompt);

// The words of `text` as written: runs of letters, digits, bytes >= 0x80 and inner ' - _.
std::vector<std::string> words_of(std::string_view text);

// Lower-case ASCII copy.
std::string lower_ascii(std::string_view s);

// A common English function word or request verb ("the", "what", "please", "tell", ...); `word` in
// lower case.
bool is_stop_word(std::string_view word);

// The lower-case words of a tool name, split on '_', '-', '.', spaces, letter/digit changes and
// camelCase boundaries: "get_weather" -> {get, weather}; "searchWebPages2" -> {search, web, pages, 2}.
std::vector<std::string> name_words(std::string_view name);

}  // namespace siraya::mock::generation
