#pragma once
// Reporters observe a run; they never decide outcomes. Calls arrive one at a time (never
// concurrently); on_case comes in suite order whatever order the cases finished in, while
// on_progress comes as each case finishes.
#include <string>
#include <vector>

#include "harness/runner/case_result.h"

namespace siraya::harness {

struct RunInfo {
  std::string target;    // base URL, or "embedded siraya-mock at <url>"
  std::string profile;
  std::size_t suites = 0;
  std::size_t cases = 0;
  std::string compare_target;  // with --compare-with: the second target's label; empty otherwise
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void on_start(const RunInfo& info) = 0;
  virtual void on_case(const CaseResult& result) = 0;
  virtual void on_finish(const RunSummary& summary) = 0;
  // `finished` of `total` cases are done (in any order).
  virtual void on_progress(std::size_t finished, std::size_t total) {
    (void)finished;
    (void)total;
  }
  // For reporters that write a file: the Error (report.io) when on_finish could not write it.
  virtual std::optional<core::Error> output_error() const { return std::nullopt; }
};

}  // namespace siraya::harness
