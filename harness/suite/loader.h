#pragma once
// Loads suite files: parses, validates against schemas/harness/suite.schema.json before
// anything is sent, and converts to the in-memory model with each case's source location.
// Every problem is an Error "suite.invalid" (or "suite.io", "suite.parse") with
// "file#/json/pointer", what is wrong and how to fix it.
#include <string>
#include <vector>

#include "core/result.h"
#include "core/schema/registry.h"
#include "harness/suite/suite.h"

namespace siraya::harness {

class SuiteLoader {
 public:
  explicit SuiteLoader(std::shared_ptr<const core::schema::Registry> schemas)
      : schemas_(std::move(schemas)) {}

  // One suite from text; `file` names it in messages.
  core::Result<Suite> parse(const std::string& text, const std::string& file) const;
  // One suite file from disk.
  core::Result<Suite> load_file(const std::string& path) const;
  // Every *.suite.json under `dir`, recursively, sorted by path.
  core::Result<std::vector<Suite>> load_directory(const std::string& dir) const;
  // The suites compiled into the binary.
  core::Result<std::vector<Suite>> load_embedded() const;

 private:
  std::shared_ptr<const core::schema::Registry> schemas_;
};

// Checks across suites: names unique. Error "suite.invalid".
core::Result<void> check_unique_names(const std::vector<Suite>& suites);

}  // namespace siraya::harness
