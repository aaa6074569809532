#pragma once
// `siraya-harness coverage`: what the selected suites exercise of the documented API (endpoints,
// error statuses, request parameters, stream event types, schemas) and what they leave
// uncovered (docs/coverage.md). Static by default: nothing is sent. With --run the cases run
// against the target (the embedded mock by default) and statuses and event types are those
// actually received.
#include <optional>
#include <ostream>
#include <string>

#include "harness/cli/run_command.h"

namespace siraya::harness {

struct CoverageCommand {
  RunCommand selection;             // --suites, files, --schemas, --filter, --tag, --endpoint; with --run the target options
  std::string json_path;            // --json FILE
  std::optional<double> fail_under; // --fail-under PERCENT
  bool run = false;                 // --run
};

// 0; 1 when --fail-under is given and the total is below it; 2 for a bad suite or usage (nothing
// was sent); 3 when --run could not run (the embedded mock did not start, a transport problem
// stopped the run) or the --json file could not be written.
int coverage_command(const CoverageCommand& command, std::ostream& out, std::ostream& err);

}  // namespace siraya::harness
