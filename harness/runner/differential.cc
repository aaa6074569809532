#include "harness/runner/differential.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace siraya::harness {

namespace {

constexpr const char* kBase = "on the base target";
constexpr const char* kCompare = "on the compare target";
constexpr std::size_t kEventsShown = 4;  // event kinds quoted from the first that differs

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

std::string joined(const std::vector<std::string>& kinds, std::size_t from = 0, std::size_t most = SIZE_MAX) {
  if (from >= kinds.size()) return "(end of stream)";
  std::string out;
  for (std::size_t i = from; i < kinds.size() && i - from < most; ++i) out += (out.empty() ? "" : " > ") + kinds[i];
  if (kinds.size() - from > most) out += " > ...";
  return out;
}

// "finish_reason", "status", "stop_reason": the last segment of an ending's pointer.
std::string ending_name(const std::string& pointer) { return pointer.substr(pointer.rfind('/') + 1); }

// Whether an answer whose text simply ended stopped by itself, at the token limit or at a stop
// sequence depends on how long its generated text is and what it says, which always differ
// between two targets: those endings count as one. Any other ending (tool calls, a content
// filter, a refusal, a failure) is compared as it is.
bool text_ending(const std::string& value, const AnswerShape& answer) {
  static const std::set<std::string, std::less<>> kTextEndings{"stop",       "length",        "end_turn",
                                                               "max_tokens", "stop_sequence", "completed"};
  return kTextEndings.count(value) > 0 || (value == "incomplete" && answer.incomplete_reason == "max_output_tokens");
}

// The event kinds with the same normalisation: a responses stream cut at max_output_tokens ends
// like one that was not.
std::vector<std::string> normalised_events(const StepShape& s) {
  std::vector<std::string> out = s.events;
  if (s.answer.incomplete_reason == "max_output_tokens") {
    std::replace(out.begin(), out.end(), std::string("response.incomplete"), std::string("response.completed"));
  }
  return out;
}

// The id of an error outcome; empty otherwise.
std::string error_id(const CaseResult& r) { return r.outcome == Outcome::error && r.error ? r.error->id : ""; }

void compare_errors(const CaseResult& a, const CaseResult& b, std::vector<Difference>& out) {
  const std::string x = error_id(a), y = error_id(b);
  if (x == y) return;
  Difference d;
  d.aspect = "error";
  d.base = x.empty() ? "none" : x;
  d.compare = y.empty() ? "none" : y;
  auto side = [](const CaseResult& r, const char* where) {
    return std::string("could not be judged ") + where + ": " + r.error->to_string();
  };
  if (!x.empty() && !y.empty()) {
    d.what = "the case failed to run differently: " + side(a, kBase) + "; " + side(b, kCompare);
  } else {
    d.what = "the case " + (x.empty() ? side(b, kCompare) : side(a, kBase)) + ", but ran " +
             (x.empty() ? kBase : kCompare);
  }
  out.push_back(std::move(d));
}

void compare_events(const StepShape& a, const StepShape& b, std::size_t step, std::vector<Difference>& out) {
  if (normalised_events(a) == normalised_events(b)) return;
  std::size_t at = 0;
  while (at < a.events.size() && at < b.events.size() && a.events[at] == b.events[at]) ++at;
  Difference d;
  d.aspect = "events";
  d.step = step;
  d.base = joined(a.events);
  d.compare = joined(b.events);
  d.what = "the stream's events differ from event kind " + std::to_string(at + 1) + " on: " +
           joined(a.events, at, kEventsShown) + " " + kBase + ", " + joined(b.events, at, kEventsShown) + " " +
           kCompare + " (runs of one kind count once)";
  out.push_back(std::move(d));
}

void compare_endings(const StepShape& a, const StepShape& b, std::size_t step, std::vector<Difference>& out) {
  // Pointers in the base's order, then those only the compare target has.
  std::vector<std::string> pointers;
  std::map<std::string, std::string> x, y;
  for (const auto& e : a.answer.endings) {
    pointers.push_back(e.pointer);
    x[e.pointer] = e.value;
  }
  for (const auto& e : b.answer.endings) {
    if (!x.count(e.pointer)) pointers.push_back(e.pointer);
    y[e.pointer] = e.value;
  }
  for (const auto& p : pointers) {
    const std::string u = x.count(p) ? in_quotes(x[p]) : "absent", v = y.count(p) ? in_quotes(y[p]) : "absent";
    if (u == v) continue;
    if (x.count(p) && y.count(p) && text_ending(x[p], a.answer) && text_ending(y[p], b.answer)) continue;
    Difference d;
    d.aspect = "ending";
    d.step = step;
    d.pointer = p;
    d.base = x.count(p) ? x[p] : "absent";
    d.compare = y.count(p) ? y[p] : "absent";
    d.what = ending_name(p) + " " + u + " " + kBase + ", " + v + " " + kCompare;
    out.push_back(std::move(d));
  }
}

void compare_tools(const StepShape& a, const StepShape& b, std::size_t step, std::vector<Difference>& out) {
  const auto& x = a.answer.tools;
  const auto& y = b.answer.tools;
  if (same_values(x, y)) return;
  std::size_t at = 0;
  while (at < x.size() && at < y.size() && x[at].value == y[at].value) ++at;
  Difference d;
  d.aspect = "tools";
  d.step = step;
  d.pointer = at < x.size() ? x[at].pointer : y[at].pointer;
  d.base = join_values(x);
  d.compare = join_values(y);
  d.what = "the tools called differ: " + d.base + " " + kBase + ", " + d.compare + " " + kCompare;
  out.push_back(std::move(d));
}

// Check ids with an error finding; compare.* ids are the comparison's own.
std::map<std::string, bool> failing_checks(const CaseResult& r) {
  std::map<std::string, bool> out;
  for (const auto& f : r.findings) {
    if (f.severity == core::Severity::error && f.id.rfind("compare.", 0) != 0) out[f.id] = true;
  }
  return out;
}

void compare_checks(const CaseResult& a, const CaseResult& b, std::vector<Difference>& out) {
  auto x = failing_checks(a), y = failing_checks(b);
  std::map<std::string, bool> all = x;
  all.insert(y.begin(), y.end());
  for (const auto& [id, unused] : all) {
    const bool fails_base = x.count(id) > 0, fails_compare = y.count(id) > 0;
    if (fails_base == fails_compare) continue;
    Difference d;
    d.aspect = "checks";
    d.check = id;
    d.base = fails_base ? "fail" : "pass";
    d.compare = fails_compare ? "fail" : "pass";
    d.what = "check " + id + (fails_base ? " fails " : " passes ") + kBase + " and" +
             (fails_compare ? " fails " : " passes ") + kCompare;
    out.push_back(std::move(d));
  }
}

std::string fix_for(const std::string& aspect) {
  const std::string intended =
      "; if the difference is intended, run with --compare-warn-only or lower compare." + aspect +
      " in a target profile's severities";
  if (aspect == "error") return "make both targets reachable and answering (the error says what failed)" + intended;
  if (aspect == "status") return "answer the request with the same status on both targets" + intended;
  if (aspect == "events") return "send the same sequence of event types on both targets" + intended;
  if (aspect == "ending") return "end the answer the same way on both targets" + intended;
  if (aspect == "tools") return "call the same tools on both targets" + intended;
  return "fix the failing check on the side where it fails (the case's findings name it)" + intended;
}

}  // namespace

std::vector<Difference> compare_results(const CaseResult& base, const CaseResult& compare) {
  std::vector<Difference> out;
  compare_errors(base, compare, out);
  const bool judged_alike = out.empty();
  bool status_differs = false;
  const std::size_t steps = std::min(base.shapes.size(), compare.shapes.size());
  for (std::size_t i = 0; i < steps; ++i) {
    const StepShape& a = base.shapes[i];
    const StepShape& b = compare.shapes[i];
    const std::size_t step = base.steps > 1 ? i + 1 : 0;
    if (a.status != b.status) {
      status_differs = true;
      Difference d;
      d.aspect = "status";
      d.step = step;
      d.base = std::to_string(a.status);
      d.compare = std::to_string(b.status);
      d.what = "HTTP status " + d.base + " " + kBase + ", " + d.compare + " " + kCompare;
      out.push_back(std::move(d));
      continue;
    }
    compare_events(a, b, step, out);
    compare_endings(a, b, step, out);
    compare_tools(a, b, step, out);
  }
  if (judged_alike && !status_differs) compare_checks(base, compare, out);
  return out;
}

core::Findings difference_findings(const std::vector<Difference>& differences) {
  core::Findings out;
  for (const auto& d : differences) {
    std::string location = d.step > 0 ? "step " + std::to_string(d.step) + ": " : "";
    location += !d.pointer.empty() ? d.pointer : !d.check.empty() ? d.check : d.aspect;
    out.push_back({"compare." + d.aspect, core::Severity::error, location, d.what, fix_for(d.aspect)});
  }
  return out;
}

void record_differences(CaseResult& base, const CaseResult& compare, Profile profile,
                        const SeverityOverrides& overrides, bool warn_only) {
  base.differences = compare_results(base, compare);
  core::Findings findings = difference_findings(base.differences);
  apply_profile(findings, profile);
  apply_overrides(findings, overrides);
  for (auto& f : findings) {
    if (warn_only && f.severity == core::Severity::error) f.severity = core::Severity::warning;
  }
  if (base.outcome == Outcome::passed && core::has_errors(findings)) base.outcome = Outcome::failed;
  base.findings.insert(base.findings.end(), std::make_move_iterator(findings.begin()),
                       std::make_move_iterator(findings.end()));
}

}  // namespace siraya::harness
