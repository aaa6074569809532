#include "harness/runner/case_executor.h"

#include <chrono>
#include <set>

#include "harness/checks/catalog.h"
#include "harness/runner/capture.h"
#include "harness/runner/parity.h"
#include "harness/runner/run_shape.h"

namespace siraya::harness {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

std::chrono::milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

CaseResult start_result(const PreparedCase& p) {
  CaseResult r;
  r.suite = p.suite;
  r.test_case = p.test_case;
  r.steps = p.test_case->steps.size();
  r.request_line = p.request.method + " " + p.request.path;
  return r;
}

// "step 2 (fetch)" for the findings of a multi-step case; empty for a single request.
std::string step_label(const Case& c, std::size_t index) {
  if (c.steps.size() < 2) return "";
  const Step& s = c.steps[index];
  return "step " + std::to_string(index + 1) + (s.name.empty() ? "" : " (" + s.name + ")");
}

void add_findings(CaseResult& r, core::Findings findings, const std::string& label) {
  for (auto& f : findings) {
    if (!label.empty()) f.location = label + (f.location.empty() ? "" : ": " + f.location);
    r.findings.push_back(std::move(f));
  }
}

CaseResult unsupported(const PreparedCase& p) {
  const Case& c = *p.test_case;
  CaseResult r = start_result(p);
  const std::string& name = *c.missing_capability;
  const std::string fix = "run against a target that has it (--capabilities " + name +
                          " or a --profile-file that lists it), or leave the case out with --filter / --tag";
  if (c.missing_capability_fails) {
    r.outcome = Outcome::failed;
    r.findings.push_back({"capability.unsupported", core::Severity::error, "target",
                          "unsupported: needs " + name + " (--strict-capabilities makes that a failure)", fix});
  } else {
    r.outcome = Outcome::skipped;
    r.error = core::Error{"capability.unsupported", "unsupported: needs " + name, c.location, fix};
  }
  return r;
}

// Every step once, in order, stopping at the first that does not pass.
// With --parity: the step's request once more with "stream" flipped, judged on its own (its
// findings marked "parity twin") and compared with the original's final object.
core::Findings check_parity(const Step& step, const PreparedStep& prepared, const StepVerdict& original, int status,
                            core::http::Client& client, const core::schema::Registry& schemas,
                            const JudgeOptions& options) {
  auto twin = parity_twin(step, prepared);
  if (!twin || !original.target) return {};
  const bool twin_streams = twin->step.body && twin->step.body->value("stream", false);
  const Step twin_step = parity_step(step, status);
  core::Findings out;
  auto response = client.send(twin->step.request, twin_streams ? core::http::Mode::streaming : core::http::Mode::buffered);
  if (!response) {
    out.push_back({"parity.mismatch", core::Severity::error, "parity twin",
                   "the request with \"stream\" flipped could not be sent: " + response.error().to_string(),
                   "make the target answer both modes"});
    apply_profile(out, options.profile);
    apply_overrides(out, options.overrides);
    return out;
  }
  StepVerdict verdict = judge_step(twin_step, twin->step, *response, schemas, options.profile);
  apply_overrides(verdict.findings, options.overrides);
  for (auto& f : verdict.findings) {
    f.location = "parity twin" + (f.location.empty() ? "" : ": " + f.location);
    out.push_back(std::move(f));
  }
  if (verdict.target && !core::has_errors(out)) {
    auto diffs = compare_parity(twin->endpoint, *original.target, *verdict.target, !twin_streams);
    apply_profile(diffs, options.profile);
    apply_overrides(diffs, options.overrides);
    out.insert(out.end(), std::make_move_iterator(diffs.begin()), std::make_move_iterator(diffs.end()));
  }
  return out;
}

CaseResult run_steps(const PreparedCase& p, core::http::Client& client, const core::schema::Registry& schemas,
                     const JudgeOptions& options) {
  const auto started = Clock::now();
  const Case& c = *p.test_case;
  CaseResult r = start_result(p);
  Variables vars = p.variables;
  for (std::size_t i = 0; i < c.steps.size(); ++i) {
    const Step& step = c.steps[i];
    std::optional<PreparedStep> later;
    if (i > 0) {
      auto prepared = prepare_step(c, step, vars);
      if (!prepared) {
        r.outcome = Outcome::error;
        r.error = prepared.error();
        r.step = i + 1;
        break;
      }
      later = std::move(*prepared);
    }
    const PreparedStep& prepared = later ? *later : static_cast<const PreparedStep&>(p);
    r.request_line = prepared.request.method + " " + prepared.request.path;
    auto response = client.send(prepared.request, streams(step, prepared) ? core::http::Mode::streaming
                                                                          : core::http::Mode::buffered);
    if (!response) {
      r.outcome = Outcome::error;
      r.error = response.error();
      if (r.error->location.empty()) r.error->location = step.location;
      if (c.steps.size() > 1) r.step = i + 1;
      break;
    }
    StepVerdict verdict = judge_step(step, prepared, *response, schemas, options.profile);
    apply_overrides(verdict.findings, options.overrides);
    r.status = response->status;
    r.timing = verdict.timing;
    if (options.shapes) {
      const core::Endpoint* endpoint = endpoint_for(prepared.request.path);
      r.shapes.push_back(step_shape(endpoint ? endpoint->name : "", response->status, verdict));
    }
    const bool failed = core::has_errors(verdict.findings);
    core::Findings captured;
    if (!failed && options.parity) {
      captured = check_parity(step, prepared, verdict, response->status, client, schemas, options);
    }
    if (!failed) {
      core::Findings taken = take_captures(step, verdict, *response, vars);
      captured.insert(captured.end(), std::make_move_iterator(taken.begin()), std::make_move_iterator(taken.end()));
    }
    add_findings(r, std::move(verdict.findings), step_label(c, i));
    add_findings(r, std::move(captured), step_label(c, i));
    if (core::has_errors(r.findings)) {
      r.outcome = Outcome::failed;
      if (c.steps.size() > 1) r.step = i + 1;
      break;
    }
  }
  r.duration = since(started);
  return r;
}

// "run 2: " in front of each finding of one trial run.
core::Findings with_run(core::Findings findings, int run, std::optional<core::Severity> severity = std::nullopt) {
  for (auto& f : findings) {
    f.location = "run " + std::to_string(run) + (f.location.empty() ? "" : ": " + f.location);
    if (severity && f.severity == core::Severity::error) f.severity = *severity;
  }
  return findings;
}

// Runs until min_passes runs passed or too few runs are left to get there. The findings of the
// failed runs are kept (as warnings when the case passes overall), each marked with its run.
CaseResult run_trials(const PreparedCase& p, core::http::Client& client, const core::schema::Registry& schemas,
                      const JudgeOptions& options) {
  const Trials& t = p.test_case->trials;
  TrialTally tally{0, 0, t.runs, t.min_passes};
  std::optional<CaseResult> first_pass;
  std::vector<std::pair<int, CaseResult>> failures;
  std::chrono::milliseconds duration{0};
  while (tally.ran < t.runs && tally.passed < t.min_passes && tally.passed + (t.runs - tally.ran) >= t.min_passes) {
    CaseResult r = run_steps(p, client, schemas, options);
    ++tally.ran;
    duration += r.duration;
    if (r.outcome == Outcome::error) {
      // A harness or transport problem says nothing about the model's nondeterminism.
      r.findings = with_run(std::move(r.findings), tally.ran);
      r.trials = tally;
      r.duration = duration;
      return r;
    }
    if (r.outcome == Outcome::passed) {
      ++tally.passed;
      if (!first_pass) first_pass = std::move(r);
    } else {
      failures.emplace_back(tally.ran, std::move(r));
    }
  }
  const bool passed = tally.passed >= t.min_passes;
  core::Findings findings = passed ? std::move(first_pass->findings) : core::Findings{};
  for (auto& [run, failed] : failures) {
    auto marked = with_run(std::move(failed.findings), run, passed ? std::optional(core::Severity::warning) : std::nullopt);
    findings.insert(findings.end(), std::make_move_iterator(marked.begin()), std::make_move_iterator(marked.end()));
  }
  CaseResult out = passed ? std::move(*first_pass) : std::move(failures.back().second);
  out.findings = std::move(findings);
  const std::string tallied = std::to_string(tally.passed) + " of " + std::to_string(tally.ran) + " runs passed (" +
                              std::to_string(t.min_passes) + " of at most " + std::to_string(t.runs) + " required)";
  if (passed) {
    out.findings.push_back({"trials.passed", core::Severity::info, "trials", tallied, ""});
  } else {
    out.findings.push_back({"trials.failed", core::Severity::error, "trials", tallied,
                            "the findings of each failed run are listed with their run number"});
  }
  out.outcome = passed ? Outcome::passed : Outcome::failed;
  out.trials = tally;
  out.duration = duration;
  return out;
}

}  // namespace

PreparedCase prepare_case(const Suite& suite, const Case& test_case, const Variables& variables) {
  PreparedCase p;
  p.suite = &suite;
  p.test_case = &test_case;
  p.variables = variables;
  std::set<std::string> captured;
  for (const auto& step : test_case.steps) {
    for (const auto& c : step.captures) captured.insert(c.name);
  }
  for (std::size_t i = 0; i < test_case.steps.size(); ++i) {
    // Resolving through `variables` itself teaches it the ${secret:...} values of every step.
    auto prepared = prepare_step(test_case, test_case.steps[i], variables, i == 0 ? nullptr : &captured);
    if (!prepared) {
      p.error = prepared.error();
      break;
    }
    if (i == 0) static_cast<PreparedStep&>(p) = std::move(*prepared);
  }
  return p;
}

CaseResult judge(const PreparedCase& p, const core::http::Response& response, const core::schema::Registry& schemas,
                 Profile profile) {
  CaseResult r = start_result(p);
  StepVerdict verdict = judge_step(p.test_case->steps.front(), p, response, schemas, profile);
  r.status = response.status;
  r.timing = verdict.timing;
  r.findings = std::move(verdict.findings);
  r.outcome = core::has_errors(r.findings) ? Outcome::failed : Outcome::passed;
  return r;
}

CaseResult execute_case(const PreparedCase& p, core::http::Client& client, const core::schema::Registry& schemas,
                        const JudgeOptions& options) {
  if (p.test_case->missing_capability) return unsupported(p);
  if (p.error) {
    CaseResult r = start_result(p);
    r.outcome = Outcome::error;
    r.error = p.error;
    return r;
  }
  if (p.test_case->trials.runs > 1) return run_trials(p, client, schemas, options);
  return run_steps(p, client, schemas, options);
}

}  // namespace siraya::harness
