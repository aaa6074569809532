#include "harness/cli/validate_command.h"

#include <filesystem>

#include "core/embedded.h"
#include "harness/suite/loader.h"

namespace siraya::harness {

namespace {

constexpr int kExitProblems = 2;

struct Tally {
  std::size_t files = 0, bad_files = 0, problems = 0;
  std::vector<Suite> suites;  // the valid ones, for the checks across files
};

void report(CheckedSuite checked, Tally& tally, std::ostream& out) {
  ++tally.files;
  if (!checked.problems.empty()) ++tally.bad_files;
  for (const auto& p : checked.problems) out << p.to_string() << "\n";
  tally.problems += checked.problems.size();
  if (checked.suite) tally.suites.push_back(std::move(*checked.suite));
}

}  // namespace

int validate_command(const ValidateCommand& command, std::ostream& out, std::ostream& err) {
  auto schemas = command.schemas_dir.empty() ? core::schema::Registry::embedded()
                                             : core::schema::Registry::from_directory(command.schemas_dir);
  if (!schemas) {
    err << schemas.error().to_string() << "\n";
    return kExitProblems;
  }
  const SuiteLoader loader(*schemas);
  Tally tally;
  if (command.paths.empty()) {
    for (const auto& f : core::embedded::suites()) {
      report(loader.check(std::string(f.content), "suites/" + std::string(f.path)), tally, out);
    }
  }
  for (const auto& path : command.paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
      report(loader.check_file(path), tally, out);
      continue;
    }
    auto files = suite_files_in(path);
    if (!files) {
      report(CheckedSuite{std::nullopt, {files.error()}}, tally, out);
      continue;
    }
    if (files->empty()) {
      err << "[suite.io] " << path << ": no *.suite.json file in this folder (suite files end in .suite.json)\n";
      ++tally.problems;
    }
    for (const auto& file : *files) report(loader.check_file(file), tally, out);
  }
  if (auto unique = check_unique_names(tally.suites); !unique) {
    out << unique.error().to_string() << "\n";
    ++tally.problems;
  }
  std::size_t cases = 0;
  for (const auto& s : tally.suites) cases += s.cases.size();
  if (tally.problems == 0) {
    out << tally.files << " suite file" << (tally.files == 1 ? "" : "s") << " valid (" << cases << " cases)\n";
    return 0;
  }
  out << tally.problems << " problem" << (tally.problems == 1 ? "" : "s") << " in " << tally.files << " suite file"
      << (tally.files == 1 ? "" : "s") << " checked; nothing was sent\n";
  return kExitProblems;
}

}  // namespace siraya::harness
