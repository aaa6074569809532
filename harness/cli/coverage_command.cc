#include "harness/cli/coverage_command.h"

#include <iomanip>
#include <memory>

#include "harness/cli/run_setup.h"
#include "harness/coverage/coverage_console.h"
#include "harness/coverage/coverage_json.h"
#include "harness/coverage/recording_client.h"
#include "harness/coverage/suite_coverage.h"
#include "harness/report/report_file.h"
#include "harness/runner/runner.h"

namespace siraya::harness {

namespace {

constexpr int kExitBelow = 1;
constexpr int kExitUsage = 2;
constexpr int kExitHarness = 3;

// Why --run could not run, and the exit code that says so.
struct Failure {
  int code;
  core::Error error;
};

core::Result<SchemaDocuments> schema_documents(const RunCommand& selection) {
  if (selection.schemas_dir.empty()) return SchemaDocuments::embedded();
  return SchemaDocuments::from_directory(selection.schemas_dir);
}

// Runs the selected cases through a RecordingClient and replaces the observed dimensions.
std::optional<Failure> run_and_observe(const RunCommand& command, Selection& selection, CoverageReport& report) {
  auto target = resolve_target(command.target, command.base_url.empty(), *selection.schemas);
  if (!target) return Failure{kExitUsage, target.error()};
  std::vector<Suite> suites = selection.suites;
  apply_target(suites, *target);
  tag_cases(suites);
  const bool embedded = command.base_url.empty();
  const std::string api_key = api_key_for(command, embedded);
  auto vars = command_variables(command, api_key);
  if (!vars) return Failure{kExitUsage, vars.error()};
  auto options = run_options(command, *target);
  if (!options) return Failure{kExitUsage, options.error()};

  std::unique_ptr<mock::Server> mock;
  if (embedded) {
    auto started = start_embedded_mock(command, api_key, selection.schemas);
    if (!started) return Failure{kExitHarness, started.error()};
    mock = std::move(*started);
    options->client.base_url = mock->base_url();
    report.target = "embedded siraya-mock at " + options->client.base_url;
  } else {
    options->client.base_url = command.base_url;
    report.target = target->label.empty() ? command.base_url : target->label + " at " + command.base_url;
  }
  auto inner = core::http::Client::create(options->client);
  if (!inner) {
    if (mock) mock->stop();
    return Failure{inner.error().id == "http.bad_url" ? kExitUsage : kExitHarness, inner.error()};
  }
  auto recorder = std::make_shared<RecordingClient>(std::shared_ptr<core::http::Client>(std::move(*inner)));
  options->client_override = recorder;
  Runner runner(std::move(*options), selection.schemas, std::move(*vars));
  auto summary = runner.run(suites, {});
  if (mock) mock->stop();
  if (!summary) return Failure{summary.error().id == "http.bad_url" ? kExitUsage : kExitHarness, summary.error()};
  report.run = *summary;
  cover_observed(report, suites, recorder->observations());
  return std::nullopt;
}

}  // namespace

int coverage_command(const CoverageCommand& command, std::ostream& out, std::ostream& err) {
  if (command.fail_under && (*command.fail_under < 0 || *command.fail_under > 100)) {
    err << "[usage] --fail-under " << *command.fail_under << " is not a percentage (use a number from 0 to 100)\n";
    return kExitUsage;
  }
  auto selection = load_selection(command.selection, err);
  if (!selection) return kExitUsage;
  if (selection->suites.empty()) {
    err << "[usage] no case matches the given suites, --filter and --tag (siraya-harness list shows the cases)\n";
    return kExitUsage;
  }
  auto documents = schema_documents(command.selection);
  if (!documents) {
    err << documents.error().to_string() << "\n";
    return kExitUsage;
  }
  auto report = analyse_suites(selection->suites, *documents);
  if (!report) {
    err << report.error().to_string() << "\n";
    return kExitUsage;
  }
  if (command.run) {
    if (auto failed = run_and_observe(command.selection, *selection, *report)) {
      err << failed->error.to_string() << "\n";
      return failed->code;
    }
  }
  print_coverage(*report, out);
  if (!command.json_path.empty()) {
    if (auto e = write_report_file(command.json_path, coverage_json(*report).dump(2) + "\n", "coverage report")) {
      err << e->to_string() << "\n";
      return kExitHarness;
    }
  }
  if (command.fail_under && report->percent() < *command.fail_under) {
    out << std::fixed << std::setprecision(1) << "coverage " << report->percent() << "% is below --fail-under "
        << *command.fail_under << "%\n";
    return kExitBelow;
  }
  return 0;
}

}  // namespace siraya::harness
