#pragma once
// Variable references in suite strings: ${name} (suite variables, then --var), ${env:NAME}
// (environment), ${secret:NAME} (environment, and the value is redacted in every output).
// "$${" is a literal "${".
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace siraya::harness {

class Variables {
 public:
  void set(const std::string& name, std::string value, bool secret = false);
  bool has(const std::string& name) const { return values_.count(name) != 0; }

  // Replaces every reference in `text`; an unknown name or unset environment variable is an
  // Error "suite.variable" naming the reference (location is left to the caller). Names in
  // `deferred` (values captured by earlier steps, not known yet) resolve to "" so a request can be
  // checked, and its secrets learnt, before it is sent.
  core::Result<std::string> resolve(const std::string& text,
                                    const std::set<std::string>* deferred = nullptr) const;
  // resolve() applied to every string (values only, not keys) inside `value`.
  core::Result<nlohmann::json> resolve(const nlohmann::json& value,
                                       const std::set<std::string>* deferred = nullptr) const;

  // Every secret value seen so far (from ${secret:...} and variables marked secret).
  std::set<std::string> secrets() const;

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> secret_names_;
  mutable std::set<std::string> secret_values_;
};

// One reference in a suite string.
struct VariableRef {
  enum class Kind { name, env, secret };
  Kind kind = Kind::name;
  std::string name;  // without the "env:" / "secret:" prefix
};

// Every reference in `text`, in order ("$${" is a literal, not a reference). Error
// "suite.variable" for an unterminated reference or an empty or malformed name.
core::Result<std::vector<VariableRef>> variable_references(const std::string& text);

// Replaces each occurrence of each secret in `text` with "***".
std::string redact(std::string text, const std::set<std::string>& secrets);

}  // namespace siraya::harness
