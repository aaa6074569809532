#include "harness/cli/run_command.h"

#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <memory>

#include "harness/checks/catalog.h"
#include "harness/cli/run_filters.h"
#include "harness/cli/suite_selection.h"
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
  if (auto filtered = apply_run_filters(command, *suites); !filtered) {
    err << filtered.error().to_string() << "\n";
    return std::nullopt;
  }
  return Selection{std::move(*schemas), std::move(*suites)};
}

// --header "NAME: VALUE" -> (NAME, VALUE); Error "usage" when there is no NAME before a colon.
core::Result<core::http::Headers> command_headers(const RunCommand& command) {
  core::http::Headers out;
  for (const auto& h : command.headers) {
    const auto colon = h.find(':');
    const std::string name = colon == std::string::npos ? "" : h.substr(0, colon);
    if (name.empty() || name.find_first_of(" \t") != std::string::npos) {
      return core::fail("usage", "--header \"" + h + "\" is not NAME: VALUE", "command line",
                        "write --header 'x-team: platform'");
    }
    std::string value = h.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    out.emplace_back(name, std::move(value));
  }
  return out;
}

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
  auto target = resolve_target(command.target, command.base_url.empty(), *selection->schemas);
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

  auto headers = command_headers(command);
  if (!headers) {
    err << headers.error().to_string() << "\n";
    return kExitUsage;
  }
  if (command.transcripts_on != "failure" && command.transcripts_on != "all") {
    err << "[usage] --transcripts-on \"" << command.transcripts_on << "\" is unknown (use failure or all)\n";
    return kExitUsage;
  }
  if (!command.transcripts_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(command.transcripts_dir, ec);
    if (ec || !std::filesystem::is_directory(command.transcripts_dir)) {
      err << "[usage] " << command.transcripts_dir << ": cannot create the transcripts folder (" << ec.message()
          << ")\n";
      return kExitUsage;
    }
  }

  RunOptions options;
  options.profile = target->profile && !command.profile_given ? *target->profile : *profile;
  options.jobs = command.jobs;
  options.client.timeouts.connect = std::chrono::milliseconds(command.connect_timeout_ms);
  options.client.timeouts.first_byte = std::chrono::milliseconds(command.first_byte_timeout_ms);
  options.client.timeouts.idle = std::chrono::milliseconds(command.idle_timeout_ms);
  options.client.timeouts.total = std::chrono::milliseconds(command.timeout_ms);
  options.client.insecure = command.insecure;
  if (!command.ca_file.empty()) options.client.ca_file = command.ca_file;
  options.headers = std::move(*headers);
  options.retry.retries = command.retries;
  options.fail_fast = command.fail_fast;
  options.transcripts_dir = command.transcripts_dir;
  options.transcripts_all = command.transcripts_on == "all";

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
    if (!target->label.empty()) options.target_label = target->label + " at " + command.base_url;
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
