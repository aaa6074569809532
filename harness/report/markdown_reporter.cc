#include "harness/report/markdown_reporter.h"

#include <sstream>

#include "harness/report/report_file.h"
#include "harness/suite/suite.h"

namespace siraya::harness {

namespace {

constexpr std::size_t kMaxStreamRows = 50;

// Text inside a table cell or a <summary>: one line, no column breaks, no HTML.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '\n': case '\r': out += ' '; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      default: out += c;
    }
  }
  return out;
}

// An inline code span that survives backticks in the text (CommonMark 6.1): a longer fence.
std::string code(std::string_view text) {
  std::size_t run = 0, longest = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  std::string body = cell(text);
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

// A fenced code block whose fence is longer than any backtick run inside.
std::string block(std::string_view text) {
  std::size_t run = 0, longest = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
  std::string body(text);
  if (!body.empty() && body.back() != '\n') body += '\n';
  return fence + "text\n" + body + fence + "\n";
}

std::string ms(const std::optional<std::chrono::microseconds>& d) {
  return d ? format_ms(*d) + " ms" : "-";
}

}  // namespace

void MarkdownReporter::on_start(const RunInfo& info) { info_ = info; }

void MarkdownReporter::on_case(const CaseResult& r) {
  Row row;
  row.name = r.suite->name + "#" + r.test_case->id;
  row.title = r.test_case->name;
  row.outcome = std::string(to_string(r.outcome));
  row.location = r.test_case->location;
  row.timing = r.timing;
  for (const auto& f : r.findings) {
    if (f.severity == core::Severity::info) continue;
    row.details += std::string(core::to_string(f.severity)) + " " + f.to_string() + "\n";
    if (row.check.empty() && f.severity == core::Severity::error) {
      row.check = f.id;
      row.what = f.what;
    }
  }
  if (r.error) {
    row.details += r.error->to_string() + "\n";
    if (row.check.empty()) {
      row.check = r.error->id;
      row.what = r.error->message;
    }
  }
  if (r.outcome == Outcome::failed || r.outcome == Outcome::error) {
    row.details += "at " + row.location + "\n";
    if (!r.reproduce.empty()) row.details += "reproduce: " + r.reproduce + "\n";
  }
  if (r.timing && r.timing->first_event) streams_.push_back(row);
  if (r.outcome == Outcome::failed || r.outcome == Outcome::error) bad_.push_back(std::move(row));
  else if (r.outcome == Outcome::skipped) skipped_.push_back(std::move(row));
}

std::string MarkdownReporter::markdown(const RunSummary& s) const {
  std::ostringstream out;
  const std::string verdict = s.failed > 0 ? "failed" : s.errors > 0 ? "could not judge every case" : "passed";
  out << "## siraya-harness: " << verdict << "\n\n";
  out << "Target " << code(info_.target) << ", profile " << code(info_.profile) << ", " << info_.cases
      << " cases from " << info_.suites << " suites in " << s.duration.count() << " ms.\n\n";
  if (!info_.compare_target.empty()) {
    out << "Compared with " << code(info_.compare_target) << ": " << s.differing
        << (s.differing == 1 ? " case differs" : " cases differ") << " (`compare.*` findings).\n\n";
  }
  out << "| passed | failed | skipped | errors |\n|---:|---:|---:|---:|\n";
  out << "| " << s.passed << " | " << s.failed << " | " << s.skipped << " | " << s.errors << " |\n";

  if (!bad_.empty()) {
    out << "\n### Failures and errors\n\n";
    out << "| case | outcome | check | where | what |\n|---|---|---|---|---|\n";
    for (const auto& r : bad_) {
      out << "| " << code(r.name) << " | " << r.outcome << " | " << code(r.check) << " | " << code(r.location)
          << " | " << cell(r.what) << " |\n";
    }
    for (const auto& r : bad_) {
      out << "\n<details><summary><code>" << cell(r.name) << "</code>" << (r.title.empty() ? "" : " " + cell(r.title))
          << "</summary>\n\n"
          << block(r.details) << "\n</details>\n";
    }
  }
  if (!skipped_.empty()) {
    out << "\n### Skipped\n\n";
    for (const auto& r : skipped_) {
      std::string reason = r.details;
      while (!reason.empty() && reason.back() == '\n') reason.pop_back();
      out << "- " << code(r.name) << ": " << cell(reason) << "\n";
    }
  }
  if (!streams_.empty()) {
    out << "\n### Stream timing\n\n";
    out << "| case | ttfb | first event | max gap | total | events / reads |\n|---|---:|---:|---:|---:|---:|\n";
    for (std::size_t i = 0; i < streams_.size() && i < kMaxStreamRows; ++i) {
      const auto& t = *streams_[i].timing;
      out << "| " << code(streams_[i].name) << " | " << ms(t.first_byte) << " | " << ms(t.first_event) << " | "
          << ms(t.max_gap) << " | " << ms(t.total) << " | " << t.events << " / " << t.reads << " |\n";
    }
    if (streams_.size() > kMaxStreamRows) {
      out << "\n" << streams_.size() - kMaxStreamRows << " more streamed cases are in the JSON report.\n";
    }
  }
  return out.str();
}

void MarkdownReporter::on_finish(const RunSummary& summary) {
  error_ = write_report_file(path_, markdown(summary), "Markdown");
}

}  // namespace siraya::harness
