#include "mock/generation/answer_text.h"

#include <algorithm>
#include <array>
#include <vector>

#include "mock/generation/json_continuation.h"
#include "mock/generation/text.h"
#include "mock/generation/topic.h"

namespace siraya::mock::generation {
namespace {

// Placeholders: {t} the topic phrase, {w} and {v} two salient words of the question, {r} the
// salient words of the tool result.
constexpr std::array<std::string_view, 5> kOpeners{
    "You asked about {t}.", "Here is a short answer about {t}.", "Good question: {t} comes up often.",
    "Let us look at {t}.", "This reply is about {t}, as far as a mock can tell."};
constexpr std::array<std::string_view, 3> kToolOpeners{
    "Based on the tool result, here is the answer about {t}.",
    "The tool returned {r}, which settles the question about {t}.", "Thanks, the tool result mentions {r}."};
constexpr std::array<std::string_view, 12> kBody{
    "The key point about {w} is that it depends on the context.",
    "In short, {w} matters here, and {v} matters too.",
    "Many people ask about {w}, so the details are worth a look.",
    "A good place to start is {w}, then {v}.",
    "When it comes to {w}, the simple view is often the right one.",
    "This answer comes from a mock server, so treat what it says about {w} as a placeholder.",
    "First, consider {w}; the rest follows from it.",
    "There is more to say about {w}, but the main idea is simple.",
    "To sum up the part about {v}, it fits with {w} in a clear way.",
    "For example, {w} and {v} are often discussed together.",
    "The question of {w} has a short answer and a long one.",
    "It helps to think of {w} as one part of {t}."};
constexpr std::array<std::string_view, 3> kClosings{
    "I hope this helps with {t}.", "Ask again with more detail about {w} if you need more.",
    "That is the short version of the answer."};
// Completes a prefill that stops mid-sentence ("The capital of France is" -> "... worth a closer look.").
constexpr std::array<std::string_view, 3> kFragments{
    "worth a closer look.", "something that needs a short explanation.", "the point, as the question suggests."};
// Stand-ins when the question has no salient word.
constexpr std::array<std::string_view, 6> kFallbackWords{
    "this topic", "the question", "the details", "the context", "the request", "the example"};

constexpr std::int64_t kMinWords = 20;
constexpr std::int64_t kMaxWords = 120;

template <class Array>
std::string_view pick(Rng& rng, const Array& a) {
  return a[rng.below(a.size())];
}

std::string join_words(const std::vector<std::string>& words, std::size_t most) {
  std::string out;
  const std::size_t n = std::min(words.size(), most);
  for (std::size_t i = 0; i < n; ++i) out += (i == 0 ? "" : i + 1 == n ? " and " : ", ") + words[i];
  return out;
}

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool w = c != ' ';
    if (w && !in_word) ++n;
    in_word = w;
  }
  return n;
}

class Writer {
 public:
  Writer(const AnswerSource& source, Rng& rng) : rng_(rng), topic_(topic_of(source.question)) {
    if (topic_.phrase.empty()) topic_.phrase = source.after_tool_result ? "your request" : "your message";
    result_ = join_words(topic_of(source.tool_result).words, 3);
    if (result_.empty()) result_ = "the data you sent";
  }

  // One sentence from `pattern`, capitalised.
  std::string sentence(std::string_view pattern) {
    std::string out;
    const std::size_t wi = word_index();
    std::size_t vi = word_index();
    if (vi == wi && topic_.words.size() > 1) vi = (vi + 1) % topic_.words.size();  // two different words
    const std::string w = word(wi);
    const std::string v = word(vi);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}') {
        const char key = pattern[i + 1];
        out += key == 't' ? topic_.phrase : key == 'w' ? w : key == 'v' ? v : result_;
        i += 2;
      } else {
        out += pattern[i];
      }
    }
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
  }

  // Body sentences until `target` words, then a closing sentence; appended to `out`.
  void body(std::string& out, std::size_t target) {
    while (count_words(out) < target) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      // One sentence in four is plain prose, for variety of words and shapes.
      if (rng_.below(4) == 0) {
        out += prose(rng_, 1);
        continue;
      }
      std::size_t i = rng_.below(kBody.size());
      if (i == last_body_) i = (i + 1) % kBody.size();  // never the same template twice in a row
      last_body_ = i;
      out += sentence(kBody[i]);
    }
    if (!out.empty() && out.back() != ' ') out += ' ';
    out += sentence(pick(rng_, kClosings));
  }

  std::string json_value() {
    for (const auto& w : topic_.words) {
      if (w[0] >= 'A' && w[0] <= 'Z') return w;
    }
    return std::string(proper_noun(rng_));
  }

 private:
  std::size_t word_index() { return rng_.below(topic_.words.empty() ? kFallbackWords.size() : topic_.words.size()); }
  std::string word(std::size_t i) const {
    return topic_.words.empty() ? std::string(kFallbackWords[i]) : topic_.words[i];
  }

  Rng& rng_;
  Topic topic_;
  std::string result_;
  std::size_t last_body_ = kBody.size();
};

bool ends_sentence(const std::string& text) {
  const std::size_t last = text.find_last_not_of(" \t\r\n");
  if (last == std::string::npos) return true;
  const char c = text[last];
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == ')';
}

std::string continue_prefill(const AnswerSource& source, Writer& writer, Rng& rng, std::size_t target) {
  const std::string& prefill = *source.prefill;
  const std::size_t first = prefill.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && (prefill[first] == '{' || prefill[first] == '[')) {
    if (auto rest = continue_json(prefill, writer.json_value())) return *rest;
  }
  std::string out;
  if (!ends_sentence(prefill)) out += std::string(pick(rng, kFragments));
  writer.body(out, target);
  const bool space = !prefill.empty() && prefill.back() != ' ' && prefill.back() != '\n' && prefill.back() != '\t';
  return space ? " " + out : out;
}

}  // namespace

std::string answer_text(const AnswerSource& source, Rng& rng) {
  Writer writer(source, rng);
  const auto target = static_cast<std::size_t>(rng.between(kMinWords, kMaxWords));
  if (source.prefill && !source.prefill->empty()) return continue_prefill(source, writer, rng, target);
  std::string out = writer.sentence(source.after_tool_result ? pick(rng, kToolOpeners) : pick(rng, kOpeners));
  writer.body(out, target);
  return out;
}

std::string short_answer(const AnswerSource& source, Rng& rng) {
  Writer writer(source, rng);
  std::string out = writer.sentence(source.after_tool_result ? pick(rng, kToolOpeners) : pick(rng, kOpeners));
  return out + " " + writer.sentence(pick(rng, kBody));
}

}  // namespace siraya::mock::generation
