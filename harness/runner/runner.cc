#include "harness/runner/runner.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <thread>

#include "harness/report/curl_command.h"
#include "harness/report/transcript.h"
#include "harness/runner/case_client.h"
#include "harness/runner/case_executor.h"
#include "harness/runner/differential.h"

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
  r.reproduce = redact(std::move(r.reproduce), secrets);
  for (auto& d : r.differences) {
    d.base = redact(std::move(d.base), secrets);
    d.compare = redact(std::move(d.compare), secrets);
    d.what = redact(std::move(d.what), secrets);
  }
}

// FNV-1a: a per-case seed for retry jitter that does not depend on the run's order.
std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

// Statuses a case expects are answers, not hiccups: never retried.
std::set<int> expected_statuses(const Case& c) {
  std::set<int> out;
  for (const auto& step : c.steps) out.insert(step.expect.status);
  return out;
}

CaseResult not_run(const PreparedCase& p, const std::string& stopped_by) {
  CaseResult r;
  r.suite = p.suite;
  r.test_case = p.test_case;
  r.outcome = Outcome::skipped;
  r.request_line = p.request.method + " " + p.request.path;
  r.error = core::Error{"run.not_run", "not run: --fail-fast stopped the run after " + stopped_by + " did not pass",
                        p.test_case->location, "fix that case first, or run without --fail-fast"};
  return r;
}

}  // namespace

bool is_credential_header(std::string_view name) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  return n == "authorization" || n == "proxy-authorization" || n == "cookie" || n.find("key") != n.npos ||
         n.find("token") != n.npos || n.find("secret") != n.npos;
}

Runner::Runner(RunOptions options, std::shared_ptr<const core::schema::Registry> schemas, Variables variables)
    : options_(std::move(options)), schemas_(std::move(schemas)), variables_(std::move(variables)) {}

core::Result<RunSummary> Runner::run(const std::vector<Suite>& suites, const std::vector<Reporter*>& reporters) {
  const auto started = std::chrono::steady_clock::now();
  const std::optional<CompareTarget>& compare = options_.compare;
  const JudgeOptions judge{options_.profile, options_.severities, options_.parity, compare.has_value()};
  std::shared_ptr<core::http::Client> client = options_.client_override;
  if (!client) {
    auto created = core::http::Client::create(options_.client);
    if (!created) return core::Unexpected<core::Error>(created.error());
    client = std::move(*created);
  }
  std::shared_ptr<core::http::Client> compare_client;
  if (compare) {
    compare_client = compare->client_override;
    if (!compare_client) {
      auto created = core::http::Client::create(compare->client);
      if (!created) return core::Unexpected<core::Error>(created.error());
      compare_client = std::move(*created);
    }
  }

  // Resolve every request first, on this thread: secrets become known before anything is reported.
  std::vector<PreparedCase> prepared;
  std::set<std::string> secrets = variables_.secrets();
  for (const auto& suite : suites) {
    Variables vars = suite_variables(variables_, suite);
    for (const auto& c : suite.cases) prepared.push_back(prepare_case(suite, c, vars));
    auto s = vars.secrets();
    secrets.insert(s.begin(), s.end());
  }
  for (const auto& [name, value] : options_.headers) {
    if (is_credential_header(name) && !value.empty()) secrets.insert(value);
  }
  // The same cases resolved for the compare target, with its own ${api_key}.
  std::vector<PreparedCase> prepared_compare;
  if (compare) {
    auto s = compare->variables.secrets();
    secrets.insert(s.begin(), s.end());
    for (const auto& suite : suites) {
      Variables vars = suite_variables(compare->variables, suite);
      for (const auto& c : suite.cases) prepared_compare.push_back(prepare_case(suite, c, vars));
      auto more = vars.secrets();
      secrets.insert(more.begin(), more.end());
    }
    for (const auto& [name, value] : compare->headers) {
      if (is_credential_header(name) && !value.empty()) secrets.insert(value);
    }
  }
  std::string api_key;
  if (variables_.has("api_key")) {
    if (auto key = variables_.resolve(std::string("${api_key}"))) api_key = *key;
  }
  TranscriptContext transcripts{options_.client.base_url, secrets, secret_placeholders(secrets, api_key)};

  RunInfo info{options_.target_label.empty() ? options_.client.base_url : options_.target_label,
               std::string(to_string(options_.profile)), suites.size(), prepared.size()};
  if (compare) info.compare_target = compare->label.empty() ? compare->client.base_url : compare->label;
  for (auto* r : reporters) r->on_start(info);

  std::vector<std::optional<CaseResult>> results(prepared.size());
  std::mutex mutex;
  std::size_t next_report = 0, finished = 0;
  RunSummary summary;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::string stopped_by;  // guarded by mutex

  auto run_one = [&](std::size_t index) {
    const PreparedCase& p = prepared[index];
    CaseClientOptions cc;
    cc.headers = options_.headers;
    cc.retry = options_.retry;
    cc.retry_context.expected_statuses = expected_statuses(*p.test_case);
    cc.retry_context.jitter_seed = fnv1a(p.suite->name + "#" + p.test_case->id);
    cc.record = !options_.transcripts_dir.empty();
    cc.sleep = options_.sleep;
    CaseClientOptions theirs_options = cc;  // the compare target's: its headers, no transcript
    CaseClient case_client(*client, std::move(cc));
    CaseResult r = execute_case(p, case_client, *schemas_, judge);
    r.retries = case_client.retries();
    if (compare && r.outcome != Outcome::skipped) {
      theirs_options.headers = compare->headers;
      theirs_options.record = false;
      CaseClient compare_case_client(*compare_client, std::move(theirs_options));
      const CaseResult theirs = execute_case(prepared_compare[index], compare_case_client, *schemas_, judge);
      record_differences(r, theirs, options_.profile, options_.severities, compare->warn_only);
    }
    if (const auto& sent = case_client.last_request()) {
      r.reproduce = curl_command(options_.client.base_url, *sent, transcripts.placeholders);
    }
    redact_result(r, secrets);
    const bool bad = r.outcome == Outcome::failed || r.outcome == Outcome::error;
    if (cc.record && (options_.transcripts_all || bad)) {
      if (auto written = write_transcript(options_.transcripts_dir, r, case_client.exchanges(), transcripts);
          !written) {
        std::lock_guard lock(mutex);
        if (!transcript_error_) transcript_error_ = written.error();
      }
    }
    return r;
  };

  auto worker = [&] {
    for (std::size_t i = next++; i < prepared.size(); i = next++) {
      std::optional<CaseResult> r;
      if (stop) {
        std::lock_guard lock(mutex);
        r = not_run(prepared[i], stopped_by);
      } else {
        r = run_one(i);
      }
      std::lock_guard lock(mutex);
      if (options_.fail_fast && !stop && (r->outcome == Outcome::failed || r->outcome == Outcome::error)) {
        stopped_by = r->suite->name + "#" + r->test_case->id;
        stop = true;
      }
      results[i] = std::move(r);
      ++finished;
      for (auto* rep : reporters) rep->on_progress(finished, prepared.size());
      // Report in suite order: flush the finished prefix.
      while (next_report < results.size() && results[next_report]) {
        const CaseResult& done = *results[next_report++];
        if (!done.differences.empty()) ++summary.differing;
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
