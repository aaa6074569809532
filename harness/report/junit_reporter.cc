#include "harness/report/junit_reporter.h"

#include <cstdio>
#include <map>
#include <sstream>

#include "harness/report/report_file.h"
#include "harness/suite/suite.h"

namespace siraya::harness {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters even when escaped.
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

void JunitReporter::on_start(const RunInfo& info) { info_ = info; }

void JunitReporter::on_case(const CaseResult& result) { results_.push_back(result); }

std::string JunitReporter::xml(const RunSummary& summary) const {
  // Group by suite, keeping the run's order.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const CaseResult*>> by_suite;
  for (const auto& r : results_) {
    auto& list = by_suite[r.suite->name];
    if (list.empty()) order.push_back(r.suite->name);
    list.push_back(&r);
  }
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"siraya-harness\" tests=\"" << summary.total() << "\" failures=\"" << summary.failed
      << "\" errors=\"" << summary.errors << "\" skipped=\"" << summary.skipped << "\" time=\""
      << summary.duration.count() / 1000.0 << "\">\n";
  for (const auto& name : order) {
    const auto& cases = by_suite[name];
    std::size_t failures = 0, errors = 0, skipped = 0;
    long long ms = 0;
    for (const auto* r : cases) {
      failures += r->outcome == Outcome::failed;
      errors += r->outcome == Outcome::error;
      skipped += r->outcome == Outcome::skipped;
      ms += r->duration.count();
    }
    out << "  <testsuite name=\"" << xml_escape(name) << "\" tests=\"" << cases.size() << "\" failures=\""
        << failures << "\" errors=\"" << errors << "\" skipped=\"" << skipped << "\" time=\"" << ms / 1000.0
        << "\" file=\"" << xml_escape(cases.front()->suite->file) << "\">\n";
    out << "    <properties><property name=\"target\" value=\"" << xml_escape(info_.target)
        << "\"/><property name=\"profile\" value=\"" << xml_escape(info_.profile) << "\"/>";
    if (!info_.compare_target.empty()) {
      out << "<property name=\"compare_with\" value=\"" << xml_escape(info_.compare_target) << "\"/>";
    }
    out << "</properties>\n";
    for (const auto* r : cases) {
      out << "    <testcase classname=\"" << xml_escape(name) << "\" name=\"" << xml_escape(r->test_case->id)
          << "\" time=\"" << r->duration.count() / 1000.0 << "\">\n";
      std::string details;
      for (const auto& f : r->findings) {
        details += std::string(core::to_string(f.severity)) + " " + f.to_string() + "\n";
      }
      std::string where = "at " + r->test_case->location;
      if (!r->reproduce.empty()) where += "\nreproduce: " + r->reproduce;
      if (r->outcome == Outcome::failed) {
        const core::Finding* first = nullptr;
        for (const auto& f : r->findings) {
          if (f.severity == core::Severity::error) { first = &f; break; }
        }
        out << "      <failure type=\"" << xml_escape(first ? first->id : "failed") << "\" message=\""
            << xml_escape(first ? first->to_string() : "") << "\">" << xml_escape(details + where) << "</failure>\n";
      } else if (r->outcome == Outcome::error && r->error) {
        out << "      <error type=\"" << xml_escape(r->error->id) << "\" message=\"" << xml_escape(r->error->to_string())
            << "\">" << xml_escape(where) << "</error>\n";
      } else if (r->outcome == Outcome::skipped) {
        out << "      <skipped message=\"" << xml_escape(r->error ? r->error->to_string() : "") << "\"/>\n";
      }
      std::string system_out = r->outcome != Outcome::failed ? details : "";
      if (r->timing) system_out += "timing: " + to_string(*r->timing) + "\n";
      if (!system_out.empty()) out << "      <system-out>" << xml_escape(system_out) << "</system-out>\n";
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
  return out.str();
}

void JunitReporter::on_finish(const RunSummary& summary) { error_ = write_report_file(path_, xml(summary), "JUnit"); }

}  // namespace siraya::harness
