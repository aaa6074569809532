#include "harness/cli/suite_selection.h"

#include <fnmatch.h>

#include <algorithm>

#include "harness/cli/run_command.h"
#include "harness/suite/loader.h"

namespace siraya::harness {

namespace {

bool selected(const RunCommand& command, const Suite& suite, const Case& c) {
  const std::string full = suite.name + "#" + c.id;
  if (!command.filters.empty()) {
    const bool any = std::any_of(command.filters.begin(), command.filters.end(), [&](const std::string& f) {
      return fnmatch(f.c_str(), full.c_str(), 0) == 0 || full.find(f) != std::string::npos;
    });
    if (!any) return false;
  }
  if (!command.tags.empty()) {
    const bool any = std::any_of(command.tags.begin(), command.tags.end(), [&](const std::string& t) {
      return std::find(c.tags.begin(), c.tags.end(), t) != c.tags.end();
    });
    if (!any) return false;
  }
  return true;
}

}  // namespace

core::Result<std::shared_ptr<const core::schema::Registry>> load_schemas(const RunCommand& command) {
  return command.schemas_dir.empty() ? core::schema::Registry::embedded()
                                     : core::schema::Registry::from_directory(command.schemas_dir);
}

core::Result<std::vector<Suite>> select_suites(const RunCommand& command,
                                               std::shared_ptr<const core::schema::Registry> schemas) {
  SuiteLoader loader(std::move(schemas));
  std::vector<Suite> suites;
  if (command.suite_dirs.empty() && command.suite_files.empty()) {
    auto embedded = loader.load_embedded();
    if (!embedded) return embedded;
    suites = std::move(*embedded);
  }
  for (const auto& dir : command.suite_dirs) {
    auto loaded = loader.load_directory(dir);
    if (!loaded) return loaded;
    std::move(loaded->begin(), loaded->end(), std::back_inserter(suites));
  }
  for (const auto& file : command.suite_files) {
    auto loaded = loader.load_file(file);
    if (!loaded) return core::Unexpected<core::Error>(loaded.error());
    suites.push_back(std::move(*loaded));
  }
  if (auto ok = check_unique_names(suites); !ok) return core::Unexpected<core::Error>(ok.error());
  for (auto& suite : suites) {
    std::erase_if(suite.cases, [&](const Case& c) { return !selected(command, suite, c); });
  }
  std::erase_if(suites, [](const Suite& s) { return s.cases.empty(); });
  return suites;
}

}  // namespace siraya::harness
