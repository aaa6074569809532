#include "harness/coverage/coverage_report.h"

#include <algorithm>
#include <utility>

namespace siraya::harness {

namespace {

void add_case(CoverageItem& item, const std::string& by) {
  if (std::find(item.cases.begin(), item.cases.end(), by) == item.cases.end()) item.cases.push_back(by);
}

CoverageItem* find_item(std::vector<CoverageItem>& items, std::string_view group, std::string_view name) {
  auto it = std::find_if(items.begin(), items.end(),
                         [&](const CoverageItem& i) { return i.group == group && i.name == name; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

void CoverageDimension::cover(std::string_view group, std::string_view name, const std::string& by) {
  if (auto* item = find_item(items, group, name)) {
    add_case(*item, by);
    return;
  }
  if (auto* item = find_item(extra, group, name)) {
    add_case(*item, by);
    return;
  }
  extra.push_back(CoverageItem{std::string(group), std::string(name), {by}});
}

void CoverageDimension::reset() {
  for (auto& item : items) item.cases.clear();
  extra.clear();
}

std::size_t CoverageDimension::covered() const {
  return static_cast<std::size_t>(std::count_if(items.begin(), items.end(), [](const CoverageItem& i) { return i.covered(); }));
}

std::vector<std::string> CoverageDimension::groups() const {
  std::vector<std::string> out;
  for (const auto& item : items) {
    if (std::find(out.begin(), out.end(), item.group) == out.end()) out.push_back(item.group);
  }
  return out;
}

const CoverageDimension* CoverageReport::find(std::string_view id) const {
  auto it = std::find_if(dimensions.begin(), dimensions.end(), [&](const CoverageDimension& d) { return d.id == id; });
  return it == dimensions.end() ? nullptr : &*it;
}

CoverageDimension* CoverageReport::find(std::string_view id) {
  return const_cast<CoverageDimension*>(std::as_const(*this).find(id));
}

std::size_t CoverageReport::covered() const {
  std::size_t n = 0;
  for (const auto& d : dimensions) n += d.covered();
  return n;
}

std::size_t CoverageReport::total() const {
  std::size_t n = 0;
  for (const auto& d : dimensions) n += d.total();
  return n;
}

double CoverageReport::percent() const { return coverage_percent(covered(), total()); }

double coverage_percent(std::size_t covered, std::size_t total) {
  return total == 0 ? 100.0 : 100.0 * static_cast<double>(covered) / static_cast<double>(total);
}

}  // namespace siraya::harness
