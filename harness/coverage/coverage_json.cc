#include "harness/coverage/coverage_json.h"

#include <cmath>

namespace siraya::harness {

namespace {

using nlohmann::json;

// One decimal, as the console prints it.
double rounded(double percent) { return std::round(percent * 10.0) / 10.0; }

json figures(std::size_t covered, std::size_t total) {
  return {{"covered", covered}, {"total", total}, {"percent", rounded(coverage_percent(covered, total))}};
}

json item_json(const CoverageItem& item, bool documented) {
  json j = json::object();
  if (!item.group.empty()) j["group"] = item.group;
  j["name"] = item.name;
  if (documented) j["covered"] = item.covered();
  j["cases"] = item.cases;
  return j;
}

json dimension_json(const CoverageDimension& d) {
  json j = figures(d.covered(), d.total());
  j["id"] = d.id;
  j["title"] = d.title;
  j["basis"] = d.basis;
  json groups = json::array();
  for (const auto& g : d.groups()) {
    if (g.empty()) continue;
    std::size_t covered = 0, total = 0;
    for (const auto& i : d.items) {
      if (i.group != g) continue;
      ++total;
      if (i.covered()) ++covered;
    }
    json row = figures(covered, total);
    row["name"] = g;
    groups.push_back(std::move(row));
  }
  if (!groups.empty()) j["groups"] = std::move(groups);
  j["items"] = json::array();
  for (const auto& i : d.items) j["items"].push_back(item_json(i, true));
  j["extra"] = json::array();
  for (const auto& i : d.extra) j["extra"].push_back(item_json(i, false));
  return j;
}

}  // namespace

json coverage_json(const CoverageReport& report) {
  json j = {{"format", "siraya-harness-coverage"},
            {"version", 1},
            {"mode", report.run ? "run" : "static"},
            {"suites", report.suites},
            {"cases", report.cases}};
  if (report.run) {
    j["run"] = {{"target", report.target},
                {"passed", report.run->passed},
                {"failed", report.run->failed},
                {"skipped", report.run->skipped},
                {"errors", report.run->errors}};
  }
  j["total"] = figures(report.covered(), report.total());
  j["dimensions"] = json::array();
  for (const auto& d : report.dimensions) j["dimensions"].push_back(dimension_json(d));
  return j;
}

}  // namespace siraya::harness
