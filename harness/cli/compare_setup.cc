#include "harness/cli/compare_setup.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "harness/cli/run_command.h"
#include "harness/cli/run_setup.h"

namespace siraya::harness {

namespace {

bool same_name(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

}  // namespace

std::optional<core::Error> compare_usage_error(const RunCommand& command) {
  const std::pair<bool, const char*> options[] = {{command.compare_api_key.has_value(), "--compare-api-key"},
                                                  {!command.compare_headers.empty(), "--compare-header"},
                                                  {command.compare_seed.has_value(), "--compare-seed"},
                                                  {command.compare_warn_only, "--compare-warn-only"}};
  const char* alone = nullptr;
  for (const auto& [given, name] : options) {
    if (given && alone == nullptr) alone = name;
  }
  if (command.compare_with.empty() && alone != nullptr) {
    return core::Error{"usage", std::string(alone) + " configures the second target of --compare-with, which is not given",
                       "command line", "add --compare-with URL (or --compare-with embedded), or leave " +
                                           std::string(alone) + " out"};
  }
  if (command.compare_seed && command.compare_with != kEmbeddedCompareTarget) {
    return core::Error{"usage", "--compare-seed sets the seed of an embedded mock, but --compare-with is a URL",
                       "command line", "use --compare-with embedded, or leave --compare-seed out"};
  }
  return std::nullopt;
}

core::Result<Target> shared_target(const RunCommand& command, Target base, const core::schema::Registry& schemas) {
  auto theirs = resolve_target(command.target, command.compare_with == kEmbeddedCompareTarget, schemas);
  if (!theirs) return core::Unexpected<core::Error>(theirs.error());
  std::erase_if(base.capabilities, [&](const std::string& name) { return theirs->capabilities.count(name) == 0; });
  return base;
}

std::string compare_api_key(const RunCommand& command, const std::string& base_api_key) {
  return command.compare_api_key.value_or(base_api_key);
}

core::Result<CompareTarget> compare_target(const RunCommand& command, const RunOptions& base,
                                           const std::string& api_key) {
  auto own = parse_headers(command.compare_headers, "--compare-header");
  if (!own) return core::Unexpected<core::Error>(own.error());
  auto vars = command_variables(command, api_key);
  if (!vars) return core::Unexpected<core::Error>(vars.error());
  CompareTarget t;
  t.client = base.client;
  t.client.base_url.clear();
  t.headers = std::move(*own);
  for (const auto& h : base.headers) {
    const bool replaced = std::any_of(t.headers.begin(), t.headers.end(),
                                      [&](const auto& mine) { return same_name(mine.first, h.first); });
    if (!replaced) t.headers.push_back(h);
  }
  t.variables = std::move(*vars);
  t.warn_only = command.compare_warn_only;
  return t;
}

}  // namespace siraya::harness
