#pragma once
// Human-readable report: one line per case as it completes (in suite order) with its request,
// duration and, for streams, the timing figures; below it the findings of failed cases (and
// warnings of passed ones), where the case is in its suite file, and a curl command that sends
// the request again; a closing line "N passed, N failed, N skipped, N errors". With `progress`
// (a terminal only) a "[finished/total]" line is kept updated at the bottom while cases run.
#include <ostream>

#include "harness/report/reporter.h"

namespace siraya::harness {

struct ConsoleOptions {
  bool color = false;     // ANSI colours (a terminal, and NO_COLOR unset)
  bool verbose = false;   // also list info findings, and timing of every case
  bool progress = false;  // a live progress line (a terminal only: it uses carriage returns)
};

class ConsoleReporter : public Reporter {
 public:
  ConsoleReporter(std::ostream& out, ConsoleOptions options) : out_(out), options_(options) {}
  void on_start(const RunInfo& info) override;
  void on_case(const CaseResult& result) override;
  void on_finish(const RunSummary& summary) override;
  void on_progress(std::size_t finished, std::size_t total) override;

 private:
  std::string paint(std::string_view text, std::string_view color) const;
  void clear_progress();
  std::ostream& out_;
  ConsoleOptions options_;
  bool progress_shown_ = false;
  bool comparing_ = false;  // --compare-with: the closing line counts the cases that differ
};

}  // namespace siraya::harness
