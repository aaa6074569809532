#pragma once
// `siraya-harness validate [FILES|DIRS...]`: checks suite files against the suite schema and the
// rules the schema cannot express (harness/suite/suite_rules.h) without sending anything, and
// prints every problem as "[id] file#/json/pointer: what (how to fix)".
#include <ostream>
#include <string>
#include <vector>

namespace siraya::harness {

struct ValidateCommand {
  std::vector<std::string> paths;  // suite files, or folders searched for *.suite.json; empty: the bundled suites
  std::string schemas_dir;         // empty: the embedded schemas
};

// 0 when every suite is valid; 2 when a problem was found or a path could not be read.
int validate_command(const ValidateCommand& command, std::ostream& out, std::ostream& err);

}  // namespace siraya::harness
