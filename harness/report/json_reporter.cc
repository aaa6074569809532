#include "harness/report/json_reporter.h"

#include "harness/report/json_fields.h"
#include "harness/report/report_file.h"
#include "harness/suite/suite.h"

namespace siraya::harness {

using nlohmann::json;

void JsonReporter::on_start(const RunInfo& info) { info_ = info; }

void JsonReporter::on_case(const CaseResult& result) {
  // Results are copied into JSON at once: a CaseResult points into suites that outlive the run only.
  if (suites_.empty() || suites_.back()["name"] != result.suite->name) {
    suites_.push_back({{"name", result.suite->name}, {"file", result.suite->file}});
  }
  cases_.push_back(case_header_json(result));
}

json JsonReporter::document(const RunSummary& summary) const {
  json out = {{"format", "siraya-harness-report"},
              {"version", 1},
              {"target", info_.target},
              {"profile", info_.profile},
              {"summary",
               {{"total", summary.total()},
                {"passed", summary.passed},
                {"failed", summary.failed},
                {"skipped", summary.skipped},
                {"errors", summary.errors},
                {"duration_ms", summary.duration.count()},
                {"exit_code", exit_code(summary)}}},
              {"suites", suites_},
              {"cases", cases_}};
  if (!info_.compare_target.empty()) {
    out["compare_with"] = info_.compare_target;
    out["summary"]["differing"] = summary.differing;
  }
  return out;
}

void JsonReporter::on_finish(const RunSummary& summary) {
  error_ = write_report_file(path_, document(summary).dump(2, ' ', false, json::error_handler_t::replace) + "\n",
                             "JSON");
}

}  // namespace siraya::harness
