#include "harness/coverage/coverage_console.h"

#include <iomanip>
#include <sstream>
#include <string>
#include <vector>

namespace siraya::harness {

namespace {

constexpr std::size_t kWidth = 100;  // wrap item lists here

std::string percent_text(double percent) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(1) << percent << "%";
  return s.str();
}

void row(std::ostream& out, const std::string& label, std::size_t covered, std::size_t total) {
  out << std::left << std::setw(28) << label << std::right << std::setw(8) << covered << std::setw(8) << total
      << std::setw(9) << percent_text(coverage_percent(covered, total)) << "\n";
}

// "a, b, c" wrapped at kWidth, continuation lines indented by `indent`.
void wrapped(std::ostream& out, const std::vector<std::string>& names, std::size_t indent, std::size_t column) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string word = names[i] + (i + 1 < names.size() ? "," : "");
    if (i > 0) {
      if (column + 1 + word.size() > kWidth) {
        out << "\n" << std::string(indent, ' ');
        column = indent;
      } else {
        out << ' ';
        ++column;
      }
    }
    out << word;
    column += word.size();
  }
  out << "\n";
}

std::vector<std::string> names_in(const std::vector<CoverageItem>& items, const std::string& group, bool covered) {
  std::vector<std::string> out;
  for (const auto& i : items) {
    if (i.group == group && i.covered() == covered) out.push_back(i.name);
  }
  return out;
}

bool grouped(const CoverageDimension& d) {
  const auto groups = d.groups();
  return !(groups.empty() || (groups.size() == 1 && groups.front().empty()));
}

void print_uncovered(const CoverageDimension& d, std::ostream& out) {
  const std::string head = "  " + d.title + ": ";
  if (d.covered() == d.total()) {
    out << head << "none\n";
    return;
  }
  if (!grouped(d)) {
    out << head;
    wrapped(out, names_in(d.items, "", false), 6, head.size());
    return;
  }
  out << "  " << d.title << ":\n";
  for (const auto& g : d.groups()) {
    auto names = names_in(d.items, g, false);
    if (names.empty()) continue;
    const std::string sub = "    " + g + ": ";
    out << sub;
    wrapped(out, names, 6, sub.size());
  }
}

// One line per item: "    messages: ping  (messages/basic#stream and 13 more)".
void print_extra(const CoverageDimension& d, std::ostream& out) {
  out << "  " << d.title << ":\n";
  for (const auto& i : d.extra) {
    out << "    " << (i.group.empty() ? "" : i.group + ": ") << i.name << "  (" << i.cases.front();
    if (i.cases.size() > 1) out << " and " << i.cases.size() - 1 << " more";
    out << ")\n";
  }
}

}  // namespace

void print_coverage(const CoverageReport& report, std::ostream& out) {
  out << "Coverage of " << report.suites << " suite" << (report.suites == 1 ? "" : "s") << ", " << report.cases
      << " case" << (report.cases == 1 ? "" : "s");
  if (report.run) {
    out << "; ran against " << report.target << ": " << report.run->passed << " passed, " << report.run->failed
        << " failed, " << report.run->skipped << " skipped, " << report.run->errors << " errors\n";
  } else {
    out << " (static: nothing was sent)\n";
  }
  out << "\n" << std::left << std::setw(28) << "dimension" << std::right << std::setw(8) << "covered" << std::setw(8)
      << "total" << std::setw(9) << "%" << "\n";
  for (const auto& d : report.dimensions) {
    row(out, d.title, d.covered(), d.total());
    if (!grouped(d)) continue;
    for (const auto& g : d.groups()) {
      row(out, "  " + g, names_in(d.items, g, true).size(),
          names_in(d.items, g, true).size() + names_in(d.items, g, false).size());
    }
  }
  row(out, "total", report.covered(), report.total());

  out << "\nHow each dimension was decided:\n";
  for (const auto& d : report.dimensions) out << "  " << d.title << ": " << d.basis << "\n";

  out << "\nUncovered:\n";
  for (const auto& d : report.dimensions) print_uncovered(d, out);

  bool any_extra = false;
  for (const auto& d : report.dimensions) any_extra = any_extra || !d.extra.empty();
  if (any_extra) {
    out << "\nUsed beyond the documented lists (not counted):\n";
    for (const auto& d : report.dimensions) {
      if (!d.extra.empty()) print_extra(d, out);
    }
  }
}

}  // namespace siraya::harness
