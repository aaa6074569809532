#include "harness/runner/runner.h"

#include <atomic>
#include <mutex>
#include <thread>

#include "harness/runner/case_executor.h"

namespace siraya::harness {

namespace {

// Variables for one suite: its own defaults under the run's (command-line) values.
Variables suite_variables(const Variables& run_vars, const Suite& suite) {
  Variables vars = run_vars;
  for (const auto& [name, value] : suite.variables) {
    if (!vars.has(name)) vars.set(name, value);
  }
  return vars;
}

void redact_result(CaseResult& r, const std::set<std::string>& secrets) {
  if (secrets.empty()) return;
  for (auto& f : r.findings) {
    f.what = redact(std::move(f.what), secrets);
    f.location = redact(std::move(f.location), secrets);
    f.fix = redact(std::move(f.fix), secrets);
  }
  if (r.error) {
    r.error->message = redact(std::move(r.error->message), secrets);
    r.error->location = redact(std::move(r.error->location), secrets);
  }
  r.request_line = redact(std::move(r.request_line), secrets);
}

}  // namespace

Runner::Runner(RunOptions options, std::shared_ptr<const core::schema::Registry> schemas, Variables variables)
    : options_(std::move(options)), schemas_(std::move(schemas)), variables_(std::move(variables)) {}

core::Result<RunSummary> Runner::run(const std::vector<Suite>& suites, const std::vector<Reporter*>& reporters) {
  const auto started = std::chrono::steady_clock::now();
  auto client = core::http::Client::create(options_.client);
  if (!client) return core::Unexpected<core::Error>(client.error());

  // Resolve every request first, on this thread: secrets become known before anything is reported.
  std::vector<PreparedCase> prepared;
  std::set<std::string> secrets = variables_.secrets();
  for (const auto& suite : suites) {
    Variables vars = suite_variables(variables_, suite);
    for (const auto& c : suite.cases) prepared.push_back(prepare_case(suite, c, vars));
    auto s = vars.secrets();
    secrets.insert(s.begin(), s.end());
  }

  RunInfo info{options_.target_label.empty() ? options_.client.base_url : options_.target_label,
               std::string(to_string(options_.profile)), suites.size(), prepared.size()};
  for (auto* r : reporters) r->on_start(info);

  std::vector<std::optional<CaseResult>> results(prepared.size());
  std::mutex mutex;
  std::size_t next_report = 0;
  RunSummary summary;
  std::atomic<std::size_t> next{0};

  auto worker = [&] {
    for (std::size_t i = next++; i < prepared.size(); i = next++) {
      CaseResult r = execute_case(prepared[i], **client, *schemas_, options_.profile);
      redact_result(r, secrets);
      std::lock_guard lock(mutex);
      results[i] = std::move(r);
      // Report in suite order: flush the finished prefix.
      while (next_report < results.size() && results[next_report]) {
        const CaseResult& done = *results[next_report++];
        switch (done.outcome) {
          case Outcome::passed: ++summary.passed; break;
          case Outcome::failed: ++summary.failed; break;
          case Outcome::skipped: ++summary.skipped; break;
          case Outcome::error: ++summary.errors; break;
        }
        for (auto* rep : reporters) rep->on_case(done);
      }
    }
  };
  const std::size_t jobs = std::max<std::size_t>(1, std::min(options_.jobs, prepared.size()));
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();

  summary.duration =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  for (auto* r : reporters) r->on_finish(summary);
  return summary;
}

std::string_view to_string(Outcome o) {
  switch (o) {
    case Outcome::passed: return "passed";
    case Outcome::failed: return "failed";
    case Outcome::skipped: return "skipped";
    case Outcome::error: return "error";
  }
  return "error";
}

int exit_code(const RunSummary& summary) {
  if (summary.failed > 0) return 1;
  if (summary.errors > 0) return 3;
  return 0;
}

}  // namespace siraya::harness
