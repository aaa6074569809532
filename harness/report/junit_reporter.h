#pragma once
// JUnit XML (the dialect Jenkins, GitLab and GitHub test reporters read): one <testsuite> per
// suite, one <testcase> per case with classname = suite name and name = case id; failures carry
// every error finding, errors the operational error, skipped the reason; failures and errors say
// where the case is and how to reproduce it, and <system-out> carries warnings and timing.
// Accumulates and writes the file at the end of the run.
#include <string>
#include <vector>

#include "harness/report/reporter.h"

namespace siraya::harness {

class JunitReporter : public Reporter {
 public:
  explicit JunitReporter(std::string path) : path_(std::move(path)) {}
  void on_start(const RunInfo& info) override;
  void on_case(const CaseResult& result) override;
  void on_finish(const RunSummary& summary) override;

  // The document for the cases seen so far (also what on_finish writes).
  std::string xml(const RunSummary& summary) const;
  // Whether on_finish could write the file; the CLI reports it.
  bool write_failed() const { return error_.has_value(); }
  std::optional<core::Error> output_error() const override { return error_; }

 private:
  std::string path_;
  RunInfo info_;
  std::vector<CaseResult> results_;
  std::optional<core::Error> error_;
};

std::string xml_escape(std::string_view text);

}  // namespace siraya::harness
