#include "harness/cli/run_setup.h"

#include <cstdlib>
#include <filesystem>

#include "harness/cli/run_command.h"
#include "harness/cli/run_filters.h"
#include "harness/cli/suite_selection.h"

namespace siraya::harness {

namespace {
// The key the embedded mock accepts when the user gives none; suites use ${api_key}.
constexpr const char* kEmbeddedKey = "sk-siraya-local-0000";
}  // namespace

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

std::string api_key_for(const RunCommand& command, bool embedded) {
  if (command.api_key) return *command.api_key;
  if (const char* env = std::getenv("SIRAYA_API_KEY"); env != nullptr && *env != '\0') return env;
  return embedded ? kEmbeddedKey : "";
}

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

core::Result<core::http::Headers> command_headers(const RunCommand& command) {
  return parse_headers(command.headers, "--header");
}

core::Result<core::http::Headers> parse_headers(const std::vector<std::string>& values, const std::string& option) {
  core::http::Headers out;
  for (const auto& h : values) {
    const auto colon = h.find(':');
    const std::string name = colon == std::string::npos ? "" : h.substr(0, colon);
    if (name.empty() || name.find_first_of(" \t") != std::string::npos) {
      return core::fail("usage", option + " \"" + h + "\" is not NAME: VALUE", "command line",
                        "write " + option + " 'x-team: platform'");
    }
    std::string value = h.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    out.emplace_back(name, std::move(value));
  }
  return out;
}

core::Result<RunOptions> run_options(const RunCommand& command, const Target& target) {
  const auto profile = parse_profile(command.profile);
  if (!profile) {
    return core::fail("usage", "--profile \"" + command.profile + "\" is unknown", "",
                      "use lenient, standard or strict");
  }
  auto headers = command_headers(command);
  if (!headers) return core::Unexpected<core::Error>(headers.error());
  if (command.transcripts_on != "failure" && command.transcripts_on != "all") {
    return core::fail("usage", "--transcripts-on \"" + command.transcripts_on + "\" is unknown", "",
                      "use failure or all");
  }
  if (!command.transcripts_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(command.transcripts_dir, ec);
    if (ec || !std::filesystem::is_directory(command.transcripts_dir)) {
      return core::fail("usage", "cannot create the transcripts folder (" + ec.message() + ")",
                        command.transcripts_dir);
    }
  }
  RunOptions options;
  options.profile = target.profile && !command.profile_given ? *target.profile : *profile;
  options.severities = target.severities;
  options.jobs = command.jobs;
  options.client.timeouts.connect = std::chrono::milliseconds(command.connect_timeout_ms);
  options.client.timeouts.first_byte = std::chrono::milliseconds(command.first_byte_timeout_ms);
  options.client.timeouts.idle = std::chrono::milliseconds(command.idle_timeout_ms);
  options.client.timeouts.total = std::chrono::milliseconds(command.timeout_ms);
  options.client.insecure = command.insecure;
  options.client.max_body_bytes = command.max_response_bytes;
  if (!command.ca_file.empty()) options.client.ca_file = command.ca_file;
  options.headers = std::move(*headers);
  options.retry.retries = command.retries;
  options.fail_fast = command.fail_fast;
  options.parity = command.parity;
  options.transcripts_dir = command.transcripts_dir;
  options.transcripts_all = command.transcripts_on == "all";
  return options;
}

core::Result<std::unique_ptr<mock::Server>> start_embedded_mock(
    const RunCommand& command, const std::string& api_key, std::shared_ptr<const core::schema::Registry> schemas,
    std::optional<std::uint64_t> seed) {
  mock::Options mock_options;
  mock_options.port = 0;
  mock_options.seed = seed.value_or(command.seed);
  mock_options.keys = {api_key};
  // The mock validates everything it answers against the bundled schemas (a violation is a 500
  // naming it), so a mock bug can never pass for conformance.
  mock_options.strict = true;
  mock_options.schemas = std::move(schemas);
  return mock::Server::start(mock_options);
}

}  // namespace siraya::harness
