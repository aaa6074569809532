#include "harness/report/curl_command.h"

#include <cstdlib>
#include <cstring>

extern char** environ;  // POSIX

namespace siraya::harness {

namespace {

std::string single_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// The environment variable whose value is `value`, first by name; empty when none.
std::string env_name_holding(const std::string& value) {
  std::string best;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (eq == nullptr || value != eq + 1) continue;
    std::string name(*e, static_cast<std::size_t>(eq - *e));
    if (best.empty() || name < best) best = std::move(name);
  }
  return best;
}

}  // namespace

SecretPlaceholders secret_placeholders(const std::set<std::string>& secrets, const std::string& api_key) {
  SecretPlaceholders out;
  std::size_t n = 0;
  for (const auto& s : secrets) {
    if (s.empty()) continue;
    std::string name = s == api_key ? "SIRAYA_API_KEY" : env_name_holding(s);
    if (name.empty()) name = "SIRAYA_SECRET_" + std::to_string(++n);
    out.emplace(s, std::move(name));
  }
  return out;
}

std::string shell_word(std::string_view text, const SecretPlaceholders& secrets) {
  std::string out;
  std::size_t i = 0, literal_from = 0;
  bool empty_word = true;
  auto flush_literal = [&](std::size_t to) {
    if (to > literal_from) {
      out += single_quoted(text.substr(literal_from, to - literal_from));
      empty_word = false;
    }
  };
  while (i < text.size()) {
    // The longest secret starting here wins (a secret may contain another).
    const std::pair<const std::string, std::string>* match = nullptr;
    for (const auto& entry : secrets) {
      if (entry.first.empty() || text.compare(i, entry.first.size(), entry.first) != 0) continue;
      if (match == nullptr || entry.first.size() > match->first.size()) match = &entry;
    }
    if (match == nullptr) {
      ++i;
      continue;
    }
    flush_literal(i);
    out += "\"$" + match->second + "\"";
    empty_word = false;
    i += match->first.size();
    literal_from = i;
  }
  flush_literal(text.size());
  return empty_word ? "''" : out;
}

std::string curl_command(std::string_view base_url, const core::http::Request& request,
                         const SecretPlaceholders& secrets) {
  std::string url(base_url);
  while (!url.empty() && url.back() == '/') url.pop_back();
  url += request.path;
  std::string cmd = "curl -sS -N";
  if (request.method == "HEAD") {
    cmd += " --head";
  } else if (request.method != "GET" || !request.body.empty()) {
    cmd += " -X " + request.method;
  }
  cmd += " " + shell_word(url, secrets);
  for (const auto& [name, value] : request.headers) cmd += " -H " + shell_word(name + ": " + value, secrets);
  if (!request.body.empty()) cmd += " --data-binary " + shell_word(request.body, secrets);
  return cmd;
}

}  // namespace siraya::harness
