#pragma once
// Human-readable report: one line per case as it completes (in suite order), the findings of
// failed cases (and warnings of passed ones) indented below it, and a closing summary line
// "N passed, N failed, N skipped, N errors".
#include <ostream>

#include "harness/report/reporter.h"

namespace siraya::harness {

struct ConsoleOptions {
  bool color = false;     // ANSI colours (when writing to a terminal)
  bool verbose = false;   // also list info findings and passing cases' durations
};

class ConsoleReporter : public Reporter {
 public:
  ConsoleReporter(std::ostream& out, ConsoleOptions options) : out_(out), options_(options) {}
  void on_start(const RunInfo& info) override;
  void on_case(const CaseResult& result) override;
  void on_finish(const RunSummary& summary) override;

 private:
  std::string paint(std::string_view text, std::string_view color) const;
  std::ostream& out_;
  ConsoleOptions options_;
};

}  // namespace siraya::harness
