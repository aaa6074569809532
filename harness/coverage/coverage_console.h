#pragma once
// The console form of a coverage report: a table of covered / total / percent per dimension
// (and per endpoint or dialect where a dimension has groups), then every uncovered item by name,
// then what the suites use beyond the documented lists.
#include <ostream>

#include "harness/coverage/coverage_report.h"

namespace siraya::harness {

void print_coverage(const CoverageReport& report, std::ostream& out);

}  // namespace siraya::harness
