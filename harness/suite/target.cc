#include "harness/suite/target.h"

#include <fstream>
#include <sstream>

#include "harness/suite/capabilities.h"
#include "harness/suite/json_path.h"

namespace siraya::harness {

namespace {

constexpr std::string_view kProfileSchema = "harness/target_profile.schema.json";

core::Result<void> load_profile_file(const std::string& path, const core::schema::Registry& schemas, Target& target) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::fail("target.io", "cannot read the profile file", path, "check the path given to --profile-file");
  std::ostringstream text;
  text << in.rdbuf();
  const nlohmann::json doc = nlohmann::json::parse(text.str(), nullptr, false);
  if (doc.is_discarded()) {
    return core::fail("target.parse", "not valid JSON", path, "fix the JSON syntax of the profile file");
  }
  auto findings = schemas.validate(kProfileSchema, doc, path, "target.invalid");
  if (!findings.empty()) {
    return core::fail("target.invalid", findings.front().what, findings.front().location,
                      "see schemas/harness/target_profile.schema.json and docs/suite-format.md");
  }
  std::size_t i = 0;
  for (const auto& c : doc.at("capabilities")) {
    const std::string name = c.get<std::string>();
    if (!is_known_capability(name)) {
      return core::fail("target.invalid", "unknown capability \"" + name + "\"", path + "#/capabilities/" + std::to_string(i),
                        "use one of " + capability_names() + ", or a custom name starting with x-");
    }
    target.capabilities.insert(name);
    ++i;
  }
  if (doc.contains("profile")) target.profile = parse_profile(doc.at("profile").get<std::string>());
  if (doc.contains("severities")) {
    for (const auto& [id, severity] : doc.at("severities").items()) {
      if (find_check(id) == nullptr) {
        return core::fail("target.invalid", "unknown check id \"" + id + "\"",
                          path + "#/severities/" + escape_pointer_segment(id),
                          "use a check id that `siraya-harness checks` lists");
      }
      const std::string s = severity.get<std::string>();
      target.severities[id] = s == "error" ? core::Severity::error : s == "warning" ? core::Severity::warning
                                                                                     : core::Severity::info;
    }
  }
  target.label = doc.value("name", std::string());
  return {};
}

}  // namespace

core::Result<Target> resolve_target(const TargetOptions& options, bool embedded_mock, const core::schema::Registry& schemas) {
  Target target;
  target.strict = options.strict_capabilities;
  for (const auto& list : options.capabilities) {
    std::stringstream names(list);
    for (std::string name; std::getline(names, name, ',');) {
      name.erase(0, name.find_first_not_of(" \t"));
      name.erase(name.find_last_not_of(" \t") + 1);
      if (name.empty()) continue;
      if (!is_known_capability(name)) {
        return core::fail("usage", "--capabilities names an unknown capability \"" + name + "\"", "command line",
                          "use one of " + capability_names() + ", or a custom name starting with x-");
      }
      target.capabilities.insert(name);
    }
  }
  if (!options.profile_file.empty()) {
    if (auto ok = load_profile_file(options.profile_file, schemas, target); !ok) return core::Unexpected<core::Error>(ok.error());
  }
  if (options.capabilities.empty() && options.profile_file.empty()) {
    for (auto& name : embedded_mock ? embedded_mock_capabilities() : default_gateway_capabilities()) {
      target.capabilities.insert(std::move(name));
    }
  }
  return target;
}

void apply_target(std::vector<Suite>& suites, const Target& target) {
  for (auto& suite : suites) {
    for (auto& c : suite.cases) {
      c.missing_capability.reset();
      c.missing_capability_fails = target.strict;
      for (const auto& name : c.required_capabilities) {
        if (target.capabilities.count(name) == 0) {
          c.missing_capability = name;
          break;
        }
      }
    }
  }
}

}  // namespace siraya::harness
