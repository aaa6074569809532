#include "harness/report/json_fields.h"

#include "harness/suite/suite.h"

namespace siraya::harness {

using nlohmann::json;

json finding_json(const core::Finding& f) {
  return {{"id", f.id},
          {"severity", std::string(core::to_string(f.severity))},
          {"location", f.location},
          {"what", f.what},
          {"fix", f.fix}};
}

json error_json(const core::Error& e) {
  return {{"id", e.id}, {"message", e.message}, {"location", e.location}, {"fix", e.fix}};
}

json timing_json(const Timing& t) {
  json out = {{"ttfb_ms", to_ms(t.first_byte)}, {"total_ms", to_ms(t.total)}};
  if (t.first_event) out["first_event_ms"] = to_ms(*t.first_event);
  if (t.max_gap) out["max_gap_ms"] = to_ms(*t.max_gap);
  if (t.events > 0 || t.first_event) {
    out["events"] = t.events;
    out["reads"] = t.reads;
  }
  return out;
}

json difference_json(const Difference& d) {
  json out = {{"aspect", d.aspect}, {"base", d.base}, {"compare", d.compare}, {"what", d.what}};
  if (d.step > 0) out["step"] = d.step;
  if (!d.pointer.empty()) out["pointer"] = d.pointer;
  if (!d.check.empty()) out["check"] = d.check;
  return out;
}

json case_header_json(const CaseResult& r) {
  json out = {{"suite", r.suite->name},
              {"id", r.test_case->id},
              {"name", r.test_case->name},
              {"location", r.test_case->location},
              {"tags", r.test_case->tags},
              {"outcome", std::string(to_string(r.outcome))},
              {"request", r.request_line},
              {"duration_ms", r.duration.count()},
              {"retries", r.retries}};
  out["status"] = r.status != 0 ? json(r.status) : json(nullptr);
  if (r.timing) out["timing"] = timing_json(*r.timing);
  json findings = json::array();
  for (const auto& f : r.findings) findings.push_back(finding_json(f));
  out["findings"] = std::move(findings);
  if (r.error) out["error"] = error_json(*r.error);
  if (r.steps > 1) {
    out["steps"] = r.steps;
    if (r.step > 0) out["step"] = r.step;
  }
  if (r.trials) {
    out["trials"] = {{"ran", r.trials->ran},
                     {"passed", r.trials->passed},
                     {"runs", r.trials->runs},
                     {"min_passes", r.trials->min_passes}};
  }
  if (!r.reproduce.empty()) out["reproduce"] = r.reproduce;
  if (!r.differences.empty()) {
    json differences = json::array();
    for (const auto& d : r.differences) differences.push_back(difference_json(d));
    out["differences"] = std::move(differences);
  }
  return out;
}

}  // namespace siraya::harness
