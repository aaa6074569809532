#pragma once
// Machine-readable report (--json FILE), valid against schemas/harness/report.schema.json: the
// run (target, profile), the summary with the exit code, the suites, and every case in suite order
// with its outcome, findings, error, timing, retries and reproduce command. Written at the end.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/report/reporter.h"

namespace siraya::harness {

class JsonReporter : public Reporter {
 public:
  explicit JsonReporter(std::string path) : path_(std::move(path)) {}
  void on_start(const RunInfo& info) override;
  void on_case(const CaseResult& result) override;
  void on_finish(const RunSummary& summary) override;
  std::optional<core::Error> output_error() const override { return error_; }

  // The document for the cases seen so far (also what on_finish writes).
  nlohmann::json document(const RunSummary& summary) const;

 private:
  std::string path_;
  RunInfo info_;
  nlohmann::json suites_ = nlohmann::json::array();
  nlohmann::json cases_ = nlohmann::json::array();
  std::optional<core::Error> error_;
};

// The schema id the report validates against.
inline constexpr std::string_view kReportSchema = "harness/report.schema.json";

}  // namespace siraya::harness
