#include "core/schema/pointer.h"

#include <cstddef>

namespace siraya::core::schema::detail {

std::string escape_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string join_pointer(const Tokens& tokens) {
  std::string out;
  for (const auto& t : tokens) {
    out += '/';
    out += escape_token(t);
  }
  return out;
}

std::optional<Tokens> split_pointer(std::string_view pointer) {
  Tokens tokens;
  if (pointer.empty()) return tokens;
  if (pointer.front() != '/') return std::nullopt;
  std::string current;
  for (std::size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(std::move(current));
      current.clear();
      continue;
    }
    char c = pointer[i];
    if (c == '~') {
      if (i + 1 >= pointer.size()) return std::nullopt;
      char n = pointer[++i];
      if (n == '0') {
        current += '~';
      } else if (n == '1') {
        current += '/';
      } else {
        return std::nullopt;
      }
    } else {
      current += c;
    }
  }
  return tokens;
}

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::size_t> parse_index(const std::string& token) {
  if (token.empty() || token.size() > 18) return std::nullopt;
  if (token.size() > 1 && token[0] == '0') return std::nullopt;
  std::size_t value = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  return value;
}
}  // namespace

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    int hi = hex_value(text[i + 1]);
    int lo = hex_value(text[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

const nlohmann::json* find_node(const nlohmann::json& doc, const Tokens& tokens) {
  const nlohmann::json* node = &doc;
  for (const auto& t : tokens) {
    if (node->is_object()) {
      auto it = node->find(t);
      if (it == node->end()) return nullptr;
      node = &*it;
    } else if (node->is_array()) {
      auto index = parse_index(t);
      if (!index || *index >= node->size()) return nullptr;
      node = &(*node)[*index];
    } else {
      return nullptr;
    }
  }
  return node;
}

Tokens context_tokens(const std::vector<std::string>& context, const nlohmann::json& instance) {
  Tokens tokens;
  const nlohmann::json* node = &instance;
  for (std::size_t i = 0; i < context.size(); ++i) {
    const std::string& part = context[i];
    if (i == 0 && part == "<root>") continue;
    std::string token = part;
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']') {
      token = token.substr(1, token.size() - 2);
    }
    if (node != nullptr && node->is_array()) {
      auto index = parse_index(token);
      node = index && *index < node->size() ? &(*node)[*index] : nullptr;
    } else if (node != nullptr && node->is_object()) {
      auto it = node->find(token);
      node = it != node->end() ? &*it : nullptr;
    } else {
      node = nullptr;
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

}  // namespace siraya::core::schema::detail
