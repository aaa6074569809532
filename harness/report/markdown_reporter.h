#pragma once
// GitHub-flavoured Markdown summary for CI job pages (--markdown FILE; on GitHub Actions append it
// to $GITHUB_STEP_SUMMARY): the verdict and counts, a table of failed and error cases with the
// first check id, where the case is and what was wrong, the details of each (every finding and
// a curl command that reproduces it) in a collapsed block, the skipped cases with their reasons,
// and the timing of streamed cases. Written at the end of the run.
#include <string>
#include <vector>

#include "harness/report/reporter.h"

namespace siraya::harness {

class MarkdownReporter : public Reporter {
 public:
  explicit MarkdownReporter(std::string path) : path_(std::move(path)) {}
  void on_start(const RunInfo& info) override;
  void on_case(const CaseResult& result) override;
  void on_finish(const RunSummary& summary) override;
  std::optional<core::Error> output_error() const override { return error_; }

  // The document for the cases seen so far (also what on_finish writes).
  std::string markdown(const RunSummary& summary) const;

 private:
  // What the summary needs of a case, copied as it arrives.
  struct Row {
    std::string name;       // suite#case
    std::string title;      // the case's one-line name
    std::string outcome;
    std::string check;      // first error finding's id, or the error's id
    std::string location;   // in the suite file
    std::string what;
    std::string details;    // every finding / the error, location and reproduce, one per line
    std::optional<Timing> timing;
  };
  std::string path_;
  RunInfo info_;
  std::vector<Row> bad_, skipped_, streams_;
  std::optional<core::Error> error_;
};

}  // namespace siraya::harness
