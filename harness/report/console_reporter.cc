#include "harness/report/console_reporter.h"

#include "harness/suite/suite.h"

namespace siraya::harness {

namespace {
constexpr std::string_view kRed = "31", kGreen = "32", kYellow = "33", kDim = "2";

std::string case_name(const CaseResult& r) { return r.suite->name + "#" + r.test_case->id; }

// "POST /chat/completions, 12 ms; ttfb 3.1 ms, first event 4.0 ms, ..., at step 2 of 3, 2 of 3 runs
// passed, retried 1x"
std::string case_details(const CaseResult& r, bool verbose) {
  std::string out = r.request_line + ", " + std::to_string(r.duration.count()) + " ms";
  // Streams always show their timing (buffering and stalls are conformance matters); other
  // responses only when asked.
  if (r.timing && (r.timing->first_event || verbose)) out += "; " + to_string(*r.timing);
  if (r.steps > 1 && r.step > 0) out += ", at step " + std::to_string(r.step) + " of " + std::to_string(r.steps);
  if (r.trials) {
    out += ", " + std::to_string(r.trials->passed) + " of " + std::to_string(r.trials->ran) + " runs passed";
  }
  if (r.retries > 0) out += ", retried " + std::to_string(r.retries) + "x";
  return out;
}
}  // namespace

std::string ConsoleReporter::paint(std::string_view text, std::string_view color) const {
  if (!options_.color) return std::string(text);
  return "\x1b[" + std::string(color) + "m" + std::string(text) + "\x1b[0m";
}

void ConsoleReporter::clear_progress() {
  if (!progress_shown_) return;
  out_ << "\r\x1b[2K";
  progress_shown_ = false;
}

void ConsoleReporter::on_start(const RunInfo& info) {
  out_ << "siraya-harness: " << info.cases << " cases from " << info.suites << " suites against "
       << info.target;
  comparing_ = !info.compare_target.empty();
  if (comparing_) out_ << ", compared with " << info.compare_target;
  out_ << " (profile " << info.profile << ")\n";
}

void ConsoleReporter::on_progress(std::size_t finished, std::size_t total) {
  if (!options_.progress) return;
  out_ << "\r\x1b[2K" << paint("[" + std::to_string(finished) + "/" + std::to_string(total) + "] running", kDim);
  out_.flush();
  progress_shown_ = true;
}

void ConsoleReporter::on_case(const CaseResult& r) {
  clear_progress();
  std::string_view label, color;
  switch (r.outcome) {
    case Outcome::passed: label = "PASS "; color = kGreen; break;
    case Outcome::failed: label = "FAIL "; color = kRed; break;
    case Outcome::skipped: label = "SKIP "; color = kYellow; break;
    case Outcome::error: label = "ERROR"; color = kRed; break;
  }
  out_ << paint(label, color) << " " << case_name(r);
  if (!r.test_case->name.empty()) out_ << "  " << r.test_case->name;
  out_ << paint("  (" + case_details(r, options_.verbose) + ")", kDim) << "\n";
  if (r.error) out_ << "      " << r.error->to_string() << "\n";
  for (const auto& f : r.findings) {
    if (f.severity == core::Severity::info && !options_.verbose) continue;
    const bool is_error = f.severity == core::Severity::error;
    out_ << "      " << paint(core::to_string(f.severity), is_error ? kRed : kYellow) << " " << f.to_string() << "\n";
  }
  if (r.outcome == Outcome::failed || r.outcome == Outcome::error) {
    out_ << paint("      at " + r.test_case->location, kDim) << "\n";
    if (!r.reproduce.empty()) out_ << paint("      reproduce: " + r.reproduce, kDim) << "\n";
  }
  out_.flush();
}

void ConsoleReporter::on_finish(const RunSummary& s) {
  clear_progress();
  out_ << "\n"
       << paint(std::to_string(s.passed) + " passed", s.passed ? kGreen : kDim) << ", "
       << paint(std::to_string(s.failed) + " failed", s.failed ? kRed : kDim) << ", "
       << std::to_string(s.skipped) << " skipped, "
       << paint(std::to_string(s.errors) + " errors", s.errors ? kRed : kDim);
  if (comparing_) out_ << ", " << paint(std::to_string(s.differing) + " differing", s.differing ? kYellow : kDim);
  out_ << " in " << s.duration.count() << " ms\n";
  out_.flush();
}

}  // namespace siraya::harness
