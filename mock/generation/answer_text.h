#pragma once
// The text of a generated answer: sentences from fixed templates that mention what the request
// asked about, so the answer reads like one ("You asked about the capital of France. ..."). The
// rule is documented in docs/generated-text.md; everything is a pure function of the source and
// the generator, so the same request gives the same text on every platform.
#include <string>
#include <string_view>

#include "mock/generation/hash.h"

namespace siraya::mock::generation {

struct AnswerSource {
  std::string_view question;          // text of the latest user message that has text
  bool after_tool_result = false;     // the input ends with tool results
  std::string_view tool_result;       // their text
  const std::string* prefill = nullptr;  // a final assistant message to continue, or null
};

// Natural length: 20 to 120 words drawn from `rng` (whatever the token limit, which only cuts
// the text afterwards), plus the closing sentence. Sentences end in '.', are joined by single
// spaces and often contain "the" and ','. A prefill is continued, never repeated: one that begins
// a JSON document is closed (mock/generation/json_continuation.h), prose gets more sentences,
// starting with a space unless the prefill ends in white space.
std::string answer_text(const AnswerSource& source, Rng& rng);

// One or two sentences about the question (the "answer" of a JSON-mode answer).
std::string short_answer(const AnswerSource& source, Rng& rng);

}  // namespace siraya::mock::generation
