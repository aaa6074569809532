#include "mock/redactor.h"

#include <algorithm>
#include <cctype>

namespace siraya::mock {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Values shorter than this are not secrets worth hunting for ("Bearer" alone, "1"): replacing
// them everywhere would mangle the recording.
constexpr std::size_t kShortest = 6;

void add_secret(std::vector<std::string>& secrets, std::string_view value) {
  const auto begin = value.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return;
  value.remove_prefix(begin);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.size() >= kShortest) secrets.emplace_back(value);
}

}  // namespace

bool is_credential_header(std::string_view name) {
  const std::string n = lower(name);
  for (std::string_view word : {"authorization", "key", "token", "secret", "cookie", "password"}) {
    if (n.find(word) != std::string::npos) return true;
  }
  return false;
}

Redactor::Redactor(const Request& request, const std::vector<std::string>& extra) {
  for (const auto& [name, value] : request.headers) {
    if (!is_credential_header(name)) continue;
    add_secret(secrets_, value);
    // "Bearer sk-...": the token alone may appear elsewhere (an error message quoting the key).
    if (const auto space = value.find(' '); space != std::string::npos) {
      add_secret(secrets_, std::string_view(value).substr(space + 1));
    }
  }
  for (const auto& s : extra) add_secret(secrets_, s);
  std::sort(secrets_.begin(), secrets_.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  secrets_.erase(std::unique(secrets_.begin(), secrets_.end()), secrets_.end());
}

std::string Redactor::apply(std::string text) const {
  for (const auto& secret : secrets_) {
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + kRedacted.size())) {
      text.replace(at, secret.size(), kRedacted);
    }
  }
  return text;
}

nlohmann::json Redactor::apply(nlohmann::json value) const {
  if (secrets_.empty()) return value;
  if (value.is_string()) return apply(value.get<std::string>());
  if (value.is_array()) {
    for (auto& item : value) item = apply(std::move(item));
    return value;
  }
  if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (auto& [key, item] : value.items()) out[apply(key)] = apply(std::move(item));
    return out;
  }
  return value;
}

}  // namespace siraya::mock
