#include "harness/cli/run_command.h"

#include <iomanip>
#include <memory>

#include "harness/checks/catalog.h"
#include "harness/cli/compare_setup.h"
#include "harness/cli/run_setup.h"
#include "harness/report/console_reporter.h"
#include "harness/report/json_reporter.h"
#include "harness/report/junit_reporter.h"
#include "harness/report/markdown_reporter.h"
#include "harness/runner/runner.h"
#include "mock/server.h"

namespace siraya::harness {

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitHarness = 3;

// The report files asked for, besides the console.
struct FileReporters {
  std::vector<std::unique_ptr<Reporter>> owned;
  void add(const std::string& path, std::unique_ptr<Reporter> reporter) {
    if (!path.empty()) owned.push_back(std::move(reporter));
  }
};

}  // namespace

int run_command(const RunCommand& command, std::ostream& out, std::ostream& err) {
  const auto profile = parse_profile(command.profile);
  if (!profile) {
    err << "[usage] --profile \"" << command.profile << "\" is unknown (use lenient, standard or strict)\n";
    return kExitUsage;
  }
  auto selection = load_selection(command, err);
  if (!selection) return kExitUsage;
  const bool comparing = !command.compare_with.empty();
  if (auto e = compare_usage_error(command)) {
    err << e->to_string() << "\n";
    return kExitUsage;
  }
  auto target = resolve_target(command.target, command.base_url.empty(), *selection->schemas);
  if (target && comparing) target = shared_target(command, std::move(*target), *selection->schemas);
  if (!target) {
    err << target.error().to_string() << "\n";
    return kExitUsage;
  }
  apply_target(selection->suites, *target);  // cases the target cannot run end skipped
  const auto& schemas = selection->schemas;
  const auto* suites = &selection->suites;
  if (suites->empty()) {
    err << "[usage] no case matches the given suites, --filter and --tag (siraya-harness list shows the cases)\n";
    return kExitUsage;
  }
  const bool embedded = command.base_url.empty();
  const std::string api_key = api_key_for(command, embedded);
  auto vars = command_variables(command, api_key);
  if (!vars) {
    err << vars.error().to_string() << "\n";
    return kExitUsage;
  }
  auto built = run_options(command, *target);
  if (!built) {
    err << built.error().to_string() << "\n";
    return kExitUsage;
  }
  RunOptions options = std::move(*built);
  const bool compare_embedded = command.compare_with == kEmbeddedCompareTarget;
  const std::string compare_key = compare_api_key(command, api_key);
  if (comparing) {
    auto compare = compare_target(command, options, compare_key);
    if (!compare) {
      err << compare.error().to_string() << "\n";
      return kExitUsage;
    }
    options.compare = std::move(*compare);
    if (!compare_embedded) options.compare->client.base_url = command.compare_with;
  }

  std::unique_ptr<mock::Server> mock;
  if (embedded) {
    auto started = start_embedded_mock(command, api_key, schemas);
    if (!started) {
      err << started.error().to_string() << "\n";
      return kExitHarness;
    }
    mock = std::move(*started);
    options.client.base_url = mock->base_url();
    options.target_label = "embedded siraya-mock at " + options.client.base_url;
  } else {
    options.client.base_url = command.base_url;
    if (!target->label.empty()) options.target_label = target->label + " at " + command.base_url;
  }
  std::unique_ptr<mock::Server> compare_mock;
  if (comparing && compare_embedded) {
    auto started = start_embedded_mock(command, compare_key, schemas, command.compare_seed);
    if (!started) {
      if (mock) mock->stop();
      err << started.error().to_string() << "\n";
      return kExitHarness;
    }
    compare_mock = std::move(*started);
    options.compare->client.base_url = compare_mock->base_url();
    options.compare->label = "embedded siraya-mock at " + compare_mock->base_url();
  }

  ConsoleReporter console(out, {command.color, command.verbose, command.progress});
  std::vector<Reporter*> reporters{&console};
  FileReporters files;
  files.add(command.junit_path, std::make_unique<JunitReporter>(command.junit_path));
  files.add(command.json_path, std::make_unique<JsonReporter>(command.json_path));
  files.add(command.markdown_path, std::make_unique<MarkdownReporter>(command.markdown_path));
  for (const auto& r : files.owned) reporters.push_back(r.get());
  Runner runner(options, schemas, std::move(*vars));
  auto summary = runner.run(*suites, reporters);
  if (mock) mock->stop();
  if (compare_mock) compare_mock->stop();
  if (!summary) {
    err << summary.error().to_string() << "\n";
    return summary.error().id == "http.bad_url" ? kExitUsage : kExitHarness;
  }
  bool output_failed = false;
  for (const auto& r : files.owned) {
    if (auto e = r->output_error()) {
      err << e->to_string() << "\n";
      output_failed = true;
    }
  }
  if (const auto& e = runner.transcript_error()) {
    err << e->to_string() << "\n";
    output_failed = true;
  }
  const int code = exit_code(*summary);
  return output_failed && code == 0 ? kExitHarness : code;
}

int list_command(const RunCommand& command, std::ostream& out, std::ostream& err) {
  auto selection = load_selection(command, err);
  if (!selection) return kExitUsage;
  for (const auto& s : selection->suites) {
    for (const auto& c : s.cases) {
      out << s.name << "#" << c.id << "  " << c.steps.front().request.method << " " << c.steps.front().request.path;
      if (c.steps.size() > 1) out << " (+" << c.steps.size() - 1 << " steps)";
      if (!c.name.empty()) out << "  " << c.name;
      auto joined = [](const std::vector<std::string>& names) {
        std::string j;
        for (const auto& n : names) j += (j.empty() ? "" : ",") + n;
        return j;
      };
      if (!c.tags.empty()) out << "  [tags: " << joined(c.tags) << "]";
      if (!c.required_capabilities.empty()) out << "  [requires: " << joined(c.required_capabilities) << "]";
      out << "\n";
    }
  }
  return 0;
}

int checks_command(std::ostream& out) {
  out << std::left << std::setw(34) << "check id" << std::setw(10) << "lenient" << std::setw(10) << "standard"
      << std::setw(10) << "strict" << "summary\n";
  for (const auto& c : check_catalog()) {
    out << std::setw(34) << c.id << std::setw(10) << core::to_string(c.lenient) << std::setw(10)
        << core::to_string(c.standard) << std::setw(10) << core::to_string(c.strict) << c.summary << "\n";
  }
  return 0;
}

}  // namespace siraya::harness
