#pragma once
// Loads suite files: parses, validates against schemas/harness/suite.schema.json and the rules
// the schema cannot express (harness/suite/suite_rules.h) before anything is sent, and converts
// to the in-memory model with each element's source location. Every problem is an Error
// ("suite.parse", "suite.io", "suite.invalid" for the schema, or a rule's id) with
// "file#/json/pointer", what is wrong and how to fix it.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/schema/registry.h"
#include "harness/suite/suite.h"

namespace siraya::harness {

// Every problem of one suite file, and the suite when there is none.
struct CheckedSuite {
  std::optional<Suite> suite;
  std::vector<core::Error> problems;
};

class SuiteLoader {
 public:
  explicit SuiteLoader(std::shared_ptr<const core::schema::Registry> schemas)
      : schemas_(std::move(schemas)) {}

  // One suite from text; `file` names it in messages. The Error is the first problem.
  core::Result<Suite> parse(const std::string& text, const std::string& file) const;
  // One suite file from disk.
  core::Result<Suite> load_file(const std::string& path) const;
  // Every *.suite.json under `dir`, recursively, sorted by path.
  core::Result<std::vector<Suite>> load_directory(const std::string& dir) const;
  // The suites compiled into the binary.
  core::Result<std::vector<Suite>> load_embedded() const;

  // Every problem, not only the first (for `siraya-harness validate`).
  CheckedSuite check(const std::string& text, const std::string& file) const;
  CheckedSuite check_file(const std::string& path) const;

 private:
  std::shared_ptr<const core::schema::Registry> schemas_;
};

// The *.suite.json files under `dir`, recursively, sorted. Error "suite.io".
core::Result<std::vector<std::string>> suite_files_in(const std::string& dir);

// Checks across suites: names unique. Error "suite.duplicate_name".
core::Result<void> check_unique_names(const std::vector<Suite>& suites);

}  // namespace siraya::harness
