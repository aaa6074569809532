#include "harness/suite/loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/embedded.h"
#include "harness/suite/suite_builder.h"
#include "harness/suite/suite_rules.h"

namespace siraya::harness {

namespace {

constexpr std::string_view kSuiteSchema = "harness/suite.schema.json";

// Converts a byte offset into "line L, column C" for parse errors.
std::string line_column(const std::string& text, std::size_t offset) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

bool within(const std::string& location, const std::string& pointer) {
  return location == pointer || location.starts_with(pointer + "/");
}

core::Result<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::fail("suite.io", "cannot read the suite file", path, "check the path and permissions");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

CheckedSuite SuiteLoader::check(const std::string& text, const std::string& file) const {
  CheckedSuite out;
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    // Re-parse with a throwing parser only to learn where: the no-throw API gives no position.
    std::string where;
    try {
      const auto ignored = nlohmann::json::parse(text);
      (void)ignored;
    } catch (const nlohmann::json::parse_error& e) {
      where = line_column(text, e.byte > 0 ? e.byte - 1 : 0);
    }
    out.problems.push_back(core::Error{"suite.parse", "not valid JSON" + (where.empty() ? "" : " at " + where), file,
                                       "fix the JSON syntax (a trailing comma or an unquoted key is the usual cause)"});
    return out;
  }
  // Shapes first: their messages explain the schema's vaguer ones at the same place.
  auto shapes = lint_shapes(doc, file);
  for (const auto& f : schemas_->validate(kSuiteSchema, doc, file, "suite.invalid")) {
    const bool explained = std::any_of(shapes.begin(), shapes.end(), [&](const LintProblem& p) {
      return p.below ? within(f.location, p.covers) : f.location == p.covers;
    });
    if (!explained) {
      out.problems.push_back(core::Error{"suite.invalid", f.what, f.location,
                                         f.fix.empty() ? "see schemas/harness/suite.schema.json and docs/suite-format.md" : f.fix});
    }
  }
  for (auto& p : shapes) out.problems.push_back(std::move(p.error));
  auto rules = check_rules(doc, file, *schemas_);
  std::move(rules.begin(), rules.end(), std::back_inserter(out.problems));
  if (!out.problems.empty()) return out;
  try {
    out.suite = build_suite(doc, file);
  } catch (const nlohmann::json::exception& e) {
    // Only a suite schema replaced with --schemas can let through a shape the builder relies on.
    out.problems.push_back(core::Error{"suite.invalid", std::string("unexpected suite shape: ") + e.what(), file,
                                       "use the bundled harness/suite.schema.json, or one at least as strict"});
  }
  return out;
}

CheckedSuite SuiteLoader::check_file(const std::string& path) const {
  auto text = read_text(path);
  if (!text) return CheckedSuite{std::nullopt, {text.error()}};
  return check(*text, path);
}

core::Result<Suite> SuiteLoader::parse(const std::string& text, const std::string& file) const {
  auto checked = check(text, file);
  if (!checked.problems.empty()) {
    core::Error first = checked.problems.front();
    if (checked.problems.size() > 1) {
      first.message += " (and " + std::to_string(checked.problems.size() - 1) +
                       " more problems: siraya-harness validate lists them all)";
    }
    return core::Unexpected<core::Error>(std::move(first));
  }
  return std::move(*checked.suite);
}

core::Result<Suite> SuiteLoader::load_file(const std::string& path) const {
  auto text = read_text(path);
  if (!text) return core::Unexpected<core::Error>(text.error());
  return parse(*text, path);
}

core::Result<std::vector<std::string>> suite_files_in(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return core::fail("suite.io", "not a directory", dir, "pass a folder that holds *.suite.json files");
  }
  std::vector<std::string> paths;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (it->is_regular_file() && name.size() > 11 && name.ends_with(".suite.json")) paths.push_back(it->path().string());
  }
  if (ec) return core::fail("suite.io", ec.message(), dir, "check the folder's permissions");
  std::sort(paths.begin(), paths.end());
  return paths;
}

core::Result<std::vector<Suite>> SuiteLoader::load_directory(const std::string& dir) const {
  auto paths = suite_files_in(dir);
  if (!paths) return core::Unexpected<core::Error>(paths.error());
  std::vector<Suite> suites;
  for (const auto& p : *paths) {
    auto s = load_file(p);
    if (!s) return core::Unexpected<core::Error>(s.error());
    suites.push_back(std::move(*s));
  }
  if (auto ok = check_unique_names(suites); !ok) return core::Unexpected<core::Error>(ok.error());
  return suites;
}

core::Result<std::vector<Suite>> SuiteLoader::load_embedded() const {
  std::vector<Suite> suites;
  for (const auto& f : core::embedded::suites()) {
    auto s = parse(std::string(f.content), "suites/" + std::string(f.path));
    if (!s) return core::Unexpected<core::Error>(s.error());
    suites.push_back(std::move(*s));
  }
  if (auto ok = check_unique_names(suites); !ok) return core::Unexpected<core::Error>(ok.error());
  return suites;
}

core::Result<void> check_unique_names(const std::vector<Suite>& suites) {
  std::map<std::string, std::string> seen;
  for (const auto& s : suites) {
    auto [it, inserted] = seen.emplace(s.name, s.file);
    if (!inserted) {
      return core::fail("suite.duplicate_name", "suite name \"" + s.name + "\" is also used by " + it->second,
                        s.file + "#/name", "give every suite its own name");
    }
  }
  return {};
}

}  // namespace siraya::harness
