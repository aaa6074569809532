#include "harness/cli/run_command.h"

#include <cstdlib>
#include <iomanip>
#include <memory>

#include "harness/checks/catalog.h"
#include "harness/cli/suite_selection.h"
#include "harness/report/console_reporter.h"
#include "harness/report/junit_reporter.h"
#include "harness/runner/runner.h"
#include "mock/server.h"

namespace siraya::harness {

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitHarness = 3;
// The key the embedded mock accepts when the user gives none; suites use ${api_key}.
constexpr const char* kEmbeddedKey = "sk-siraya-local-0000";

core::Result<Variables> command_variables(const RunCommand& command, const std::string& api_key) {
  Variables vars;
  vars.set("api_key", api_key, /*secret=*/true);
  for (const auto& kv : command.vars) {
    const auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      return core::fail("usage", "--var \"" + kv + "\" is not NAME=VALUE", "command line",
                        "write --var chat_model=openai/gpt-4o");
    }
    vars.set(kv.substr(0, eq), kv.substr(eq + 1));
  }
  return vars;
}

std::string api_key_for(const RunCommand& command, bool embedded) {
  if (command.api_key) return *command.api_key;
  if (const char* env = std::getenv("SIRAYA_API_KEY"); env != nullptr && *env != '\0') return env;
  return embedded ? kEmbeddedKey : "";
}

struct Selection {
  std::shared_ptr<const core::schema::Registry> schemas;
  std::vector<Suite> suites;
};

// Schemas and the selected suites; a problem is printed and yields nullopt (exit code 2).
std::optional<Selection> load_selection(const RunCommand& command, std::ostream& err) {
  auto schemas = load_schemas(command);
  if (!schemas) {
    err << schemas.error().to_string() << "\n";
    return std::nullopt;
  }
  auto suites = select_suites(command, *schemas);
  if (!suites) {
    err << suites.error().to_string() << "\n";
    return std::nullopt;
  }
  return Selection{std::move(*schemas), std::move(*suites)};
}

}  // namespace

int run_command(const RunCommand& command, std::ostream& out, std::ostream& err) {
  const auto profile = parse_profile(command.profile);
  if (!profile) {
    err << "[usage] --profile \"" << command.profile << "\" is unknown (use lenient, standard or strict)\n";
    return kExitUsage;
  }
  auto selection = load_selection(command, err);
  if (!selection) return kExitUsage;
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

  RunOptions options;
  options.profile = *profile;
  options.jobs = command.jobs;
  options.client.timeouts.total = std::chrono::milliseconds(command.timeout_ms);
  options.client.insecure = command.insecure;
  if (!command.ca_file.empty()) options.client.ca_file = command.ca_file;

  std::unique_ptr<mock::Server> mock;
  if (embedded) {
    mock::Options mock_options;
    mock_options.port = 0;
    mock_options.seed = command.seed;
    mock_options.keys = {api_key};
    mock_options.schemas = schemas;
    auto started = mock::Server::start(mock_options);
    if (!started) {
      err << started.error().to_string() << "\n";
      return kExitHarness;
    }
    mock = std::move(*started);
    options.client.base_url = mock->base_url();
    options.target_label = "embedded siraya-mock at " + options.client.base_url;
  } else {
    options.client.base_url = command.base_url;
  }

  ConsoleReporter console(out, {command.color, command.verbose});
  std::vector<Reporter*> reporters{&console};
  std::unique_ptr<JunitReporter> junit;
  if (!command.junit_path.empty()) {
    junit = std::make_unique<JunitReporter>(command.junit_path);
    reporters.push_back(junit.get());
  }
  Runner runner(options, schemas, std::move(*vars));
  auto summary = runner.run(*suites, reporters);
  if (mock) mock->stop();
  if (!summary) {
    err << summary.error().to_string() << "\n";
    return summary.error().id == "http.bad_url" ? kExitUsage : kExitHarness;
  }
  if (junit && junit->write_failed()) {
    err << "[report.io] " << command.junit_path << ": cannot write the JUnit report (check the folder exists)\n";
    return kExitHarness;
  }
  return exit_code(*summary);
}

int list_command(const RunCommand& command, std::ostream& out, std::ostream& err) {
  auto selection = load_selection(command, err);
  if (!selection) return kExitUsage;
  for (const auto& s : selection->suites) {
    for (const auto& c : s.cases) {
      out << s.name << "#" << c.id << "  " << c.request.method << " " << c.request.path;
      if (!c.name.empty()) out << "  " << c.name;
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
