#include "mock/limits/moderation.h"

#include <algorithm>
#include <cctype>

namespace siraya::mock::limits {
namespace {

using nlohmann::json;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

// String values a user wrote: whole strings, and the text of content parts; never roles or ids.
void collect(const json& value, std::vector<std::string>& out) {
  if (value.is_string()) {
    out.push_back(value.get<std::string>());
  } else if (value.is_array()) {
    for (const auto& v : value) collect(v, out);
  } else if (value.is_object()) {
    for (const char* key : {"content", "text", "input", "output"}) {
      if (auto it = value.find(key); it != value.end()) collect(*it, out);
    }
  }
}

}  // namespace

Moderator::Moderator(const config::Moderation& moderation) : models_(moderation.models) {
  for (const auto& t : moderation.terms) terms_.push_back(lower(t));
  for (const auto& p : moderation.patterns) {
    try {
      patterns_.emplace_back(p, std::regex(p, std::regex::ECMAScript | std::regex::icase));
    } catch (const std::regex_error&) {
    }
  }
}

bool Moderator::moderates(const Model& model) const {
  if (terms_.empty() && patterns_.empty()) return false;
  if (models_.empty()) return true;
  for (const auto& m : models_) {
    if (m == "*" || m == model.id || std::find(model.aliases.begin(), model.aliases.end(), m) != model.aliases.end()) {
      return true;
    }
  }
  return false;
}

std::optional<Flag> Moderator::check(const json& body) const {
  std::vector<std::string> texts;
  for (const char* key : {"messages", "input", "prompt", "system", "instructions", "query", "documents"}) {
    if (auto it = body.find(key); it != body.end()) collect(*it, texts);
  }
  for (const auto& text : texts) {
    const std::string folded = lower(text);
    for (const auto& term : terms_) {
      if (folded.find(term) != std::string::npos) return Flag{"term:" + term, text.substr(0, 200)};
    }
    for (const auto& [source, regex] : patterns_) {
      if (std::regex_search(text, regex)) return Flag{"pattern:" + source, text.substr(0, 200)};
    }
  }
  return std::nullopt;
}

}  // namespace siraya::mock::limits
