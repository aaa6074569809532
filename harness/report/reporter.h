#pragma once
// Reporters observe a run; they never decide outcomes. Calls arrive on one thread, cases in
// suite order whatever order they finished in.
#include <string>
#include <vector>

#include "harness/runner/case_result.h"

namespace siraya::harness {

struct RunInfo {
  std::string target;    // base URL, or "embedded siraya-mock at <url>"
  std::string profile;
  std::size_t suites = 0;
  std::size_t cases = 0;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void on_start(const RunInfo& info) = 0;
  virtual void on_case(const CaseResult& result) = 0;
  virtual void on_finish(const RunSummary& summary) = 0;
};

}  // namespace siraya::harness
