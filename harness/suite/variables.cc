#include "harness/suite/variables.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace siraya::harness {

namespace {

bool valid_name(const std::string& name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

// Walks `text`, calling on_literal(text) and on_ref(ref) in order. "$${" is the literal "${".
template <class Literal, class Ref>
core::Result<void> scan(const std::string& text, Literal on_literal, Ref on_ref) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 3, "$${") == 0) {
      on_literal("${");
      i += 3;
      continue;
    }
    if (text.compare(i, 2, "${") != 0) {
      on_literal(std::string_view(text).substr(i, 1));
      ++i;
      continue;
    }
    const std::size_t close = text.find('}', i + 2);
    if (close == std::string::npos) {
      return core::fail("suite.variable", "unterminated variable reference in \"" + text + "\"", "",
                        "close it with '}' or write $${ for a literal ${");
    }
    const std::string ref = text.substr(i + 2, close - i - 2);
    VariableRef r;
    if (ref.rfind("env:", 0) == 0) {
      r = {VariableRef::Kind::env, ref.substr(4)};
    } else if (ref.rfind("secret:", 0) == 0) {
      r = {VariableRef::Kind::secret, ref.substr(7)};
    } else {
      r = {VariableRef::Kind::name, ref};
    }
    if (auto ok = on_ref(r, ref); !ok) return ok;
    i = close + 1;
  }
  return {};
}

}  // namespace

void Variables::set(const std::string& name, std::string value, bool secret) {
  if (secret) {
    secret_names_.insert(name);
    if (!value.empty()) secret_values_.insert(value);
  }
  values_[name] = std::move(value);
}

core::Result<std::string> Variables::resolve(const std::string& text, const std::set<std::string>* deferred) const {
  std::string out;
  out.reserve(text.size());
  auto ok = scan(
      text, [&](std::string_view literal) { out += literal; },
      [&](const VariableRef& r, const std::string& ref) -> core::Result<void> {
        if (r.kind != VariableRef::Kind::name) {
          const char* env = r.name.empty() ? nullptr : std::getenv(r.name.c_str());
          if (env == nullptr) {
            return core::fail("suite.variable", "environment variable " + r.name + " is not set (${" + ref + "})", "",
                              "export " + r.name + " before running, or pass the value with --var");
          }
          if (r.kind == VariableRef::Kind::secret && *env != '\0') secret_values_.insert(env);
          out += env;
          return {};
        }
        if (deferred != nullptr && deferred->count(r.name) != 0) return {};
        auto it = values_.find(r.name);
        if (it == values_.end()) {
          return core::fail("suite.variable", "unknown variable ${" + ref + "}", "",
                            "define it in the suite's \"variables\" or pass --var " + ref + "=VALUE");
        }
        out += it->second;
        return {};
      });
  if (!ok) return core::Unexpected<core::Error>(ok.error());
  return out;
}

core::Result<nlohmann::json> Variables::resolve(const nlohmann::json& value, const std::set<std::string>* deferred) const {
  if (value.is_string()) {
    auto r = resolve(value.get_ref<const std::string&>(), deferred);
    if (!r) return core::Unexpected<core::Error>(r.error());
    return nlohmann::json(std::move(*r));
  }
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : value) {
      auto r = resolve(item, deferred);
      if (!r) return r;
      out.push_back(std::move(*r));
    }
    return out;
  }
  if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
      auto r = resolve(it.value(), deferred);
      if (!r) return r;
      out[it.key()] = std::move(*r);
    }
    return out;
  }
  return value;
}

std::set<std::string> Variables::secrets() const { return secret_values_; }

core::Result<std::vector<VariableRef>> variable_references(const std::string& text) {
  std::vector<VariableRef> refs;
  auto ok = scan(
      text, [](std::string_view) {},
      [&](const VariableRef& r, const std::string& ref) -> core::Result<void> {
        if (!valid_name(r.name)) {
          return core::fail("suite.variable", "\"${" + ref + "}\" is not a valid reference", "",
                            "write ${name}, ${env:NAME} or ${secret:NAME} with a name of letters, digits and _ "
                            "(not starting with a digit), or $${ for a literal ${");
        }
        refs.push_back(r);
        return {};
      });
  if (!ok) return core::Unexpected<core::Error>(ok.error());
  return refs;
}

namespace {
// Secrets this short are only redacted where they stand as a whole token: masking every "k" of a
// one-letter test key would garble the report while hiding nothing worth hiding.
constexpr std::size_t kShortSecret = 8;

bool token_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }
}  // namespace

std::string redact(std::string text, const std::set<std::string>& secrets) {
  // Longest first, so a secret that contains another is masked whole.
  std::vector<const std::string*> ordered;
  for (const auto& s : secrets) {
    if (!s.empty()) ordered.push_back(&s);
  }
  std::sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) { return a->size() > b->size(); });
  for (const std::string* secret : ordered) {
    const std::string& s = *secret;
    const bool whole_token_only = s.size() < kShortSecret;
    for (std::size_t pos = text.find(s); pos != std::string::npos; pos = text.find(s, pos)) {
      const bool bounded = (pos == 0 || !token_char(text[pos - 1])) &&
                           (pos + s.size() == text.size() || !token_char(text[pos + s.size()]));
      if (whole_token_only && !bounded) {
        ++pos;
        continue;
      }
      text.replace(pos, s.size(), "***");
      pos += 3;
    }
  }
  return text;
}

}  // namespace siraya::harness
