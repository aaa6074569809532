#include "mock/generation/topic.h"

#include <algorithm>
#include <array>

namespace siraya::mock::generation {
namespace {

// Function words, question words and the verbs people use to ask for something; sorted, so
// is_stop_word can binary-search. Words outside this list are salient.
constexpr std::array<std::string_view, 157> kStopWords{
    "a",       "about",    "after",   "again",  "all",     "also",   "am",      "an",      "and",
    "answer",  "any",      "are",     "as",     "ask",     "at",     "be",      "been",    "before",
    "being",   "briefly",  "but",     "by",     "can",     "could",  "describe", "did",    "do",
    "does",    "doing",    "each",    "either", "else",    "explain", "few",    "for",     "from",
    "get",     "give",     "had",     "has",    "have",    "he",     "hello",   "help",    "her",
    "here",    "hers",     "hey",     "hi",     "him",     "his",    "how",     "i",       "i'd",
    "i'm",     "if",       "in",      "into",   "is",      "it",     "it's",    "its",     "just",
    "kindly",  "know",     "let",     "like",   "list",    "make",   "many",    "may",     "me",
    "might",   "mine",     "more",    "most",   "much",    "must",   "my",      "need",    "no",
    "not",     "now",      "of",      "off",    "ok",      "okay",   "on",      "one",     "only",
    "or",      "other",    "our",     "ours",   "out",     "over",   "please",  "provide", "question",
    "really",  "reply",    "respond", "say",    "shall",   "she",    "short",   "should",  "show",
    "so",      "some",     "such",    "tell",   "than",    "thank",  "thanks",  "that",    "the",
    "their",   "them",     "then",    "there",  "these",   "they",   "this",    "those",   "to",
    "too",     "under",    "up",      "us",     "use",     "very",   "want",    "was",     "we",
    "were",    "what",     "what's",  "when",   "where",   "which",  "who",     "whom",    "whose",
    "why",     "will",     "with",    "word",   "words",   "would",  "write",   "yes",     "you",
    "you're",  "your",     "yours",   "yourself"};

// Words dropped from the front of a question to leave its subject ("what is" the capital ...).
constexpr std::array<std::string_view, 66> kLeadWords{
    "about", "also", "am", "and", "answer", "any", "are", "briefly", "but", "can", "compose",
    "could", "create", "describe", "did", "do", "does", "explain", "find", "for", "generate",
    "give", "hello", "help", "hey", "hi", "how", "i", "i'd", "i'm", "is", "kindly", "know", "let",
    "like", "list", "me", "name", "now", "ok", "okay", "please", "quick", "say", "shall", "should",
    "show", "so", "tell", "thanks", "to", "us", "want", "was", "we", "were", "what", "what's",
    "when", "where", "which", "who", "why", "would", "write", "you"};

static_assert(std::is_sorted(kStopWords.begin(), kStopWords.end()));
static_assert(std::is_sorted(kLeadWords.begin(), kLeadWords.end()));

constexpr std::size_t kMaxWords = 8;
constexpr std::size_t kMaxPhraseWords = 12;

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool in(std::string_view word, const auto& sorted) { return std::binary_search(sorted.begin(), sorted.end(), word); }

// The sentences of `text`, split after . ? ! ; and new lines; `question` marks those ending in '?'.
struct Sentence {
  std::string_view text;
  bool question = false;
};
std::vector<Sentence> sentences_of(std::string_view text) {
  std::vector<Sentence> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : '\n';
    if (c == '.' || c == '?' || c == '!' || c == ';' || c == '\n') {
      // "3.5" and "e.g." stay inside the sentence: a full stop only ends one before a space or the end.
      if (c == '.' && i + 1 < text.size() && text[i + 1] != ' ' && text[i + 1] != '\n') continue;
      if (i > start) out.push_back({text.substr(start, i - start), c == '?'});
      start = i + 1;
    }
  }
  return out;
}

bool has_salient(const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [](const std::string& w) { return !is_stop_word(lower_ascii(w)); });
}

// "my" -> "your" and so on, so the phrase reads from the answer's side.
std::string swap_person(const std::string& word) {
  const std::string l = lower_ascii(word);
  if (l == "my" || l == "our") return "your";
  if (l == "your") return "my";
  if (l == "me" || l == "i") return "you";
  if (l == "myself") return "yourself";
  return word;
}

std::string phrase_of(const std::vector<Sentence>& sentences, const std::vector<std::string>& salient) {
  const Sentence* chosen = nullptr;
  for (const auto& s : sentences) {
    if (s.question && has_salient(words_of(s.text))) chosen = &s;
  }
  for (std::size_t i = 0; !chosen && i < sentences.size(); ++i) {
    if (has_salient(words_of(sentences[i].text))) chosen = &sentences[i];
  }
  if (!chosen) return {};
  std::vector<std::string> words = words_of(chosen->text);
  std::size_t first = 0;
  while (first < words.size() && in(lower_ascii(words[first]), kLeadWords)) ++first;
  std::size_t last = words.size();
  while (last > first && lower_ascii(words[last - 1]) == "please") --last;
  if (last - first > kMaxPhraseWords || last == first) {
    // Too long to repeat: name its salient words instead ("cats, dogs and birds").
    std::string out;
    const std::size_t n = std::min<std::size_t>(salient.size(), 3);
    for (std::size_t i = 0; i < n; ++i) out += (i == 0 ? "" : i + 1 == n ? " and " : ", ") + salient[i];
    return out;
  }
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    std::string w = swap_person(words[i]);
    // A function word capitalised only because it started the sentence ("The") is lower-cased.
    if (i == first && is_stop_word(lower_ascii(w))) w = lower_ascii(w);
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

}  // namespace

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_stop_word(std::string_view word) { return in(word, kStopWords); }

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t end = i;
    while (end < text.size()) {
      const auto c = static_cast<unsigned char>(text[end]);
      const bool inner = (c == '\'' || c == '-' || c == '_') && end + 1 < text.size() &&
                         is_word_byte(static_cast<unsigned char>(text[end + 1]));
      if (!is_word_byte(c) && !inner) break;
      ++end;
    }
    if (end > i) out.emplace_back(text.substr(i, end - i));
    i = end;
  }
  return out;
}

Topic topic_of(std::string_view prompt) {
  Topic t;
  std::vector<std::string> seen;
  for (const auto& w : words_of(prompt)) {
    const std::string l = lower_ascii(w);
    if (is_stop_word(l) || std::find(seen.begin(), seen.end(), l) != seen.end()) continue;
    if (l.size() < 2 && !(l[0] >= '0' && l[0] <= '9')) continue;
    seen.push_back(l);
    t.words.push_back(w);
    if (t.words.size() == kMaxWords) break;
  }
  if (!t.words.empty()) t.phrase = phrase_of(sentences_of(prompt), t.words);
  return t;
}

std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) out.push_back(lower_ascii(current));
    current.clear();
  };
  auto kind = [](char c) { return c >= '0' && c <= '9' ? 1 : c >= 'A' && c <= 'Z' ? 2 : 3; };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (!is_word_byte(static_cast<unsigned char>(c))) {
      flush();
      continue;
    }
    if (!current.empty()) {
      const int prev = kind(current.back());
      const int now = kind(c);
      const bool digit_change = (prev == 1) != (now == 1);
      const bool lower_to_upper = prev == 3 && now == 2;
      // "HTTPServer": the S starts a word because a lower-case letter follows it.
      const bool acronym_end = prev == 2 && now == 2 && i + 1 < name.size() && kind(name[i + 1]) == 3 &&
                               is_word_byte(static_cast<unsigned char>(name[i + 1]));
      if (digit_change || lower_to_upper || acronym_end) flush();
    }
    current.push_back(c);
  }
  flush();
  return out;
}

}  // namespace siraya::mock::generation
