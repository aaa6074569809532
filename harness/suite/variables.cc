#include "harness/suite/variables.h"

#include <cstdlib>

namespace siraya::harness {

void Variables::set(const std::string& name, std::string value, bool secret) {
  if (secret) {
    secret_names_.insert(name);
    if (!value.empty()) secret_values_.insert(value);
  }
  values_[name] = std::move(value);
}

core::Result<std::string> Variables::resolve(const std::string& text) const {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 3, "$${") == 0) {
      out += "${";
      i += 3;
      continue;
    }
    if (text.compare(i, 2, "${") != 0) {
      out += text[i++];
      continue;
    }
    const std::size_t close = text.find('}', i + 2);
    if (close == std::string::npos) {
      return core::fail("suite.variable", "unterminated variable reference in \"" + text + "\"", "",
                        "close it with '}' or write $${ for a literal ${");
    }
    const std::string ref = text.substr(i + 2, close - i - 2);
    std::string value;
    const bool is_env = ref.rfind("env:", 0) == 0;
    const bool is_secret = ref.rfind("secret:", 0) == 0;
    if (is_env || is_secret) {
      const std::string name = ref.substr(is_env ? 4 : 7);
      const char* env = name.empty() ? nullptr : std::getenv(name.c_str());
      if (env == nullptr) {
        return core::fail("suite.variable", "environment variable " + name + " is not set (${" + ref + "})",
                          "", "export " + name + " before running, or pass the value with --var");
      }
      value = env;
      if (is_secret && !value.empty()) secret_values_.insert(value);
    } else {
      auto it = values_.find(ref);
      if (it == values_.end()) {
        return core::fail("suite.variable", "unknown variable ${" + ref + "}", "",
                          "define it in the suite's \"variables\" or pass --var " + ref + "=VALUE");
      }
      value = it->second;
    }
    out += value;
    i = close + 1;
  }
  return out;
}

core::Result<nlohmann::json> Variables::resolve(const nlohmann::json& value) const {
  if (value.is_string()) {
    auto r = resolve(value.get_ref<const std::string&>());
    if (!r) return core::Unexpected<core::Error>(r.error());
    return nlohmann::json(std::move(*r));
  }
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : value) {
      auto r = resolve(item);
      if (!r) return r;
      out.push_back(std::move(*r));
    }
    return out;
  }
  if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
      auto r = resolve(it.value());
      if (!r) return r;
      out[it.key()] = std::move(*r);
    }
    return out;
  }
  return value;
}

std::set<std::string> Variables::secrets() const { return secret_values_; }

std::string redact(std::string text, const std::set<std::string>& secrets) {
  for (const auto& s : secrets) {
    if (s.empty()) continue;
    for (std::size_t pos = text.find(s); pos != std::string::npos; pos = text.find(s, pos + 3)) {
      text.replace(pos, s.size(), "***");
    }
  }
  return text;
}

}  // namespace siraya::harness
