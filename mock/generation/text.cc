#include "mock/generation/text.h"

#include <array>
#include <cctype>

namespace siraya::mock::generation {
namespace {

constexpr std::array<std::string_view, 32> kAdjectives{
    "quiet", "bright", "careful", "old", "small", "gentle", "steady", "clear", "warm", "simple",
    "useful", "early", "modern", "patient", "busy", "honest", "open", "calm", "quick", "curious",
    "silver", "narrow", "wide", "famous", "local", "hidden", "friendly", "heavy", "light", "green",
    "ancient", "tidy"};
constexpr std::array<std::string_view, 40> kNouns{
    "river", "garden", "teacher", "city", "engine", "library", "market", "student", "bridge",
    "window", "journey", "answer", "village", "machine", "forest", "letter", "harbor", "kitchen",
    "museum", "signal", "painter", "record", "station", "island", "lantern", "model", "request",
    "network", "mountain", "recipe", "festival", "pattern", "harvest", "compass", "orchard",
    "workshop", "question", "traveler", "melody", "archive"};
constexpr std::array<std::string_view, 32> kVerbs{
    "follows", "carries", "explains", "builds", "finds", "shapes", "reaches", "keeps",
    "describes", "watches", "improves", "connects", "supports", "crosses", "brings", "measures",
    "visits", "remembers", "protects", "shows", "answers", "collects", "guides", "opens",
    "balances", "covers", "joins", "studies", "welcomes", "tracks", "fills", "lights"};
constexpr std::array<std::string_view, 14> kPrepositions{
    "near", "beside", "across", "behind", "under", "above", "around", "through", "beyond",
    "along", "inside", "toward", "past", "within"};
constexpr std::array<std::string_view, 14> kAdverbs{
    "quietly", "often", "slowly", "always", "rarely", "gladly", "clearly", "carefully",
    "usually", "simply", "easily", "gently", "briskly", "calmly"};
constexpr std::array<std::string_view, 6> kDeterminers{"the", "a", "every", "this", "one", "that"};
constexpr std::array<std::string_view, 8> kOpeners{
    "Meanwhile", "Later", "In short", "By morning", "Even so", "At first", "Today", "Often"};
constexpr std::array<std::string_view, 24> kProperNouns{
    "Paris", "Lisbon", "Oslo", "Kyoto", "Nairobi", "Quito", "Dublin", "Austin", "Toronto",
    "Seoul", "Madrid", "Vienna", "Alice", "Bruno", "Chen", "Dara", "Elena", "Farid", "Grace",
    "Hugo", "Ines", "Jonas", "Keiko", "Liam"};

// Sentence patterns over: D determiner, A adjective, N noun, V verb, P preposition,
// R adverb, O opener (followed by a comma), C conjunction "and".
constexpr std::array<std::string_view, 8> kPatterns{
    "DANVDN", "DNVPDAN", "ODNRVDAN", "DANVDNCVDN", "DNRVPDN", "ODAANVDN", "DNVDAN", "DNVDNPDN"};

template <class Array>
std::string_view pick(Rng& rng, const Array& a) {
  return a[rng.below(a.size())];
}

bool starts_with_vowel(std::string_view w) {
  return !w.empty() && std::string_view("aeiou").find(w.front()) != std::string_view::npos;
}

// Appends one sentence; returns the number of words written.
std::size_t append_sentence(Rng& rng, std::string& out) {
  const std::size_t sentence_start = out.size();
  std::size_t count = 0;
  bool pending_article = false;  // "a" is written once the next word is known (a / an)
  auto add = [&](std::string_view w) {
    if (pending_article) {
      out.append(starts_with_vowel(w) ? "an " : "a ");
      pending_article = false;
    } else if (out.size() != sentence_start && out.back() != ' ') {
      out.push_back(' ');
    }
    out.append(w);
    ++count;
  };
  for (char tag : pick(rng, kPatterns)) {
    switch (tag) {
      case 'D': {
        const std::string_view d = pick(rng, kDeterminers);
        if (d == "a") {
          if (out.size() != sentence_start && out.back() != ' ') out.push_back(' ');
          pending_article = true;
          ++count;
        } else {
          add(d);
        }
        break;
      }
      case 'A': add(pick(rng, kAdjectives)); break;
      case 'N': add(pick(rng, kNouns)); break;
      case 'V': add(pick(rng, kVerbs)); break;
      case 'P': add(pick(rng, kPrepositions)); break;
      case 'R': add(pick(rng, kAdverbs)); break;
      case 'C': add("and"); break;
      case 'O':
        add(pick(rng, kOpeners));
        out.push_back(',');
        break;
      default: break;
    }
  }
  out.push_back('.');
  out[sentence_start] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[sentence_start])));
  return count;
}

}  // namespace

std::string prose(Rng& rng, std::size_t min_words) {
  std::string out;
  out.reserve(min_words * 8);
  std::size_t written = 0;
  while (written < min_words || out.empty()) {
    if (!out.empty()) out.push_back(' ');
    written += append_sentence(rng, out);
  }
  return out;
}

std::string words(Rng& rng, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    if (i != 0) out.push_back(' ');
    out.append(rng.below(2) == 0 ? pick(rng, kAdjectives) : pick(rng, kNouns));
  }
  return out;
}

std::string_view proper_noun(Rng& rng) { return pick(rng, kProperNouns); }

}  // namespace siraya::mock::generation
