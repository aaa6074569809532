// siraya-harness: replays JSON suites against a gateway (or the embedded mock) and checks
// every response for conformance. See README.md for the commands and exit codes.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <string>

#include "harness/cli/check_command.h"
#include "harness/cli/coverage_command.h"
#include "harness/cli/run_command.h"
#include "harness/cli/validate_command.h"

#ifndef SIRAYA_VERSION
#error "SIRAYA_VERSION is defined by harness/CMakeLists.txt (the CMake project version)"
#endif

namespace {

void add_selection_options(CLI::App& app, siraya::harness::RunCommand& c) {
  app.add_option("files", c.suite_files, "Suite files to run (default: the bundled suites)");
  app.add_option("--suites", c.suite_dirs, "Folder of *.suite.json files (repeatable); replaces the bundled suites");
  app.add_option("--schemas", c.schemas_dir, "Folder of JSON Schemas overriding the bundled ones");
  app.add_option("--filter", c.filters, "Run only cases whose suite#case matches this glob or substring (repeatable)");
  app.add_option("--tag", c.tags, "Run only cases with this tag (repeatable)");
  app.add_option("--endpoint", c.endpoints,
                 "Run only cases of these endpoint families, comma-separated: models, chat, embeddings, rerank, "
                 "responses, messages, other (repeatable)");
  app.add_option("--shard", c.shard, "Run only part i of n (\"2/4\"), a stable split by case id for parallel CI jobs");
}

constexpr const char* kRunExamples = R"(Examples:
  siraya-harness run                                         # bundled suites vs the embedded mock
  siraya-harness run --base-url https://gw.example/v1 --api-key "$KEY" \
      --junit junit.xml --json report.json --markdown summary.md
  siraya-harness run --endpoint chat,responses --tag smoke --filter 'chat/*'
  siraya-harness run --shard 2/4 --jobs 8 --retries 3 --fail-fast
  siraya-harness run --header 'x-team: platform' --idle-timeout 5000 --timeout 120000
  siraya-harness run --transcripts out/transcripts --transcripts-on all
  siraya-harness run --base-url https://gw-next.example/v1 --compare-with https://gw.example/v1
  siraya-harness run --markdown "$GITHUB_STEP_SUMMARY"       # GitHub Actions job page
Exit codes: 0 all passed, 1 a case failed, 2 bad suite or usage, 3 harness or transport error.)";

constexpr const char* kExamples = R"(Examples:
  siraya-harness run                                         # bundled suites vs the embedded mock
  siraya-harness run --base-url https://gw.example/v1 --api-key "$KEY" --junit junit.xml
  siraya-harness validate my-suites/                         # check suite files, send nothing
  siraya-harness list --filter 'chat/*' --tag smoke          # the cases a run would execute
  siraya-harness coverage --fail-under 90                    # what the bundled suites cover
  siraya-harness coverage --suites my-suites/ --json coverage.json
  siraya-harness coverage --run                              # statuses and events actually seen
Run `siraya-harness COMMAND --help` for a command's options.)";

constexpr const char* kCoverageExamples = R"(Examples:
  siraya-harness coverage                                    # the bundled suites, nothing sent
  siraya-harness coverage --suites my-suites/ --endpoint chat --json coverage.json
  siraya-harness coverage --fail-under 95                    # exit 1 below 95% in total
  siraya-harness coverage --run                              # run against the embedded mock, observe
  siraya-harness coverage --run --base-url https://gw.example/v1 --api-key "$KEY"
Exit codes: 0 done, 1 total below --fail-under, 2 bad suite or usage, 3 --run or --json failed.)";

void add_coverage_command(CLI::App& app, siraya::harness::CoverageCommand& c) {
  auto* coverage = app.add_subcommand(
      "coverage", "Report what the selected suites cover of the documented API and what they leave uncovered");
  add_selection_options(*coverage, c.selection);
  coverage->add_option("--json", c.json_path, "Also write the report as JSON (schemas/harness/coverage.schema.json)");
  coverage->add_option("--fail-under", c.fail_under, "Exit 1 when the total coverage is below this percentage")
      ->check(CLI::Range(0.0, 100.0));
  coverage->add_flag("--run", c.run,
                     "Run the cases (the embedded mock unless --base-url) and count the statuses and stream event "
                     "types actually received");
  auto& r = c.selection;
  coverage->add_option("--base-url", r.base_url, "With --run: target API root (default: embedded mock)");
  coverage->add_option("--api-key", r.api_key, "With --run: key for ${api_key} (default: $SIRAYA_API_KEY)");
  coverage->add_option("--var", r.vars, "With --run: set a suite variable: NAME=VALUE (repeatable)");
  coverage->add_option("--header,-H", r.headers, "With --run: add NAME: VALUE to every request (repeatable)");
  coverage->add_option("--jobs,-j", r.jobs, "With --run: cases in flight at once")->capture_default_str()->check(CLI::Range(1, 256));
  coverage->add_option("--timeout", r.timeout_ms, "With --run: total time per request in ms")->capture_default_str()->check(CLI::Range(1L, 3'600'000L));
  coverage->add_option("--capabilities", r.target.capabilities, "With --run: what the target supports, comma-separated")->delimiter(',')->allow_extra_args(false);
  coverage->add_option("--profile-file", r.target.profile_file, "With --run: target profile JSON");
  coverage->add_option("--ca-file", r.ca_file, "With --run: PEM file of CAs to trust for HTTPS")->check(CLI::ExistingFile);
  coverage->add_flag("--insecure", r.insecure, "With --run: do not verify TLS certificates");
  coverage->add_option("--seed", r.seed, "With --run: seed of the embedded mock");
  coverage->footer(kCoverageExamples);
}

constexpr const char* kCheckExamples = R"(Examples:
  siraya-harness check stream.sse --dialect chat             # a raw SSE capture
  curl -sN ... | siraya-harness check - --dialect responses  # straight from curl
  siraya-harness check body.json -d messages --request request.json   # with the contract checks
  siraya-harness check error.json -d chat --status 429       # an error body
Exit codes: 0 no error finding, 1 an error finding, 2 bad usage or unreadable file.)";

CLI::App* add_check_command(CLI::App& app, siraya::harness::CheckCommand& c) {
  auto* check = app.add_subcommand(
      "check", "Judge a saved response body or raw SSE stream offline, with the checks of a live run (exit 0 pass, 1 fail, 2 usage)");
  check->add_option("file", c.file, "The saved body or stream; - reads standard input")->required();
  check->add_option("--dialect,-d", c.dialect, "chat, responses, messages, embeddings, rerank or models")
      ->required()
      ->check(CLI::IsMember({"chat", "responses", "messages", "chat_completions", "embeddings", "rerank", "models"}));
  check->add_option("--format", c.format, "auto (JSON when it starts with { or [, else SSE), json or sse")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "json", "sse"}));
  check->add_option("--status", c.status, "The HTTP status the body came with (>= 400: an error body)")
      ->capture_default_str()
      ->check(CLI::Range(100, 599));
  check->add_option("--content-type", c.content_type, "The Content-Type it came with (default: what the format implies)");
  check->add_option("--request", c.request_file, "The request's JSON body, for the contract.* checks (tool arguments, structured output, n, stop)");
  check->add_option("--profile", c.profile, "lenient, standard or strict")->capture_default_str();
  check->add_option("--schemas", c.schemas_dir, "Folder of JSON Schemas overriding the bundled ones");
  check->add_flag("--json", c.json, "Print the verdict as JSON");
  check->add_flag("--verbose,-v", c.verbose, "Show info findings too");
  check->footer(kCheckExamples);
  return check;
}

// A terminal that understands carriage returns and escape sequences.
bool interactive_stdout() {
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) != 0 && (term == nullptr || std::string(term) != "dumb");
}

// --color: auto follows the terminal and NO_COLOR (https://no-color.org: set and not empty).
bool use_color(const std::string& when) {
  if (when == "always") return true;
  if (when == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return interactive_stdout() && (no_color == nullptr || *no_color == '\0');
}

}  // namespace

int main(int argc, char** argv) {
  siraya::harness::RunCommand command;
  CLI::App app{"siraya-harness: conformance checks for AI gateway APIs"};
  app.set_version_flag("--version", std::string("siraya-harness ") + SIRAYA_VERSION);
  app.require_subcommand(1);

  auto* run = app.add_subcommand("run", "Run suites against --base-url, or against the embedded siraya-mock");
  add_selection_options(*run, command);
  run->add_option("--base-url", command.base_url, "Target API root, e.g. https://gateway.example/v1 (default: embedded mock)");
  run->add_option("--api-key", command.api_key, "Key for ${api_key} (default: $SIRAYA_API_KEY)");
  run->add_option("--var", command.vars, "Set a suite variable: NAME=VALUE (repeatable)");
  run->add_option("--profile", command.profile, "lenient, standard or strict")->capture_default_str();
  run->add_option("--jobs,-j", command.jobs, "Cases in flight at once")->capture_default_str()->check(CLI::Range(1, 256));
  run->add_option("--timeout", command.timeout_ms, "Total time per request in ms (a case's timeout_ms wins)")->capture_default_str()->check(CLI::Range(1L, 3'600'000L));
  run->add_option("--connect-timeout", command.connect_timeout_ms, "Time to connect (TCP and TLS) in ms")->capture_default_str()->check(CLI::Range(1L, 3'600'000L));
  run->add_option("--first-byte-timeout", command.first_byte_timeout_ms, "Time until the response headers in ms")->capture_default_str()->check(CLI::Range(1L, 3'600'000L));
  run->add_option("--idle-timeout", command.idle_timeout_ms, "Longest silence while reading a body in ms")->capture_default_str()->check(CLI::Range(1L, 3'600'000L));
  run->add_option("--retries", command.retries, "Send again after a transport error, 429 or 503 (honouring retry-after); never after a failed check")->capture_default_str()->check(CLI::Range(0, 10));
  run->add_flag("--fail-fast", command.fail_fast, "Start no further case after the first that fails or errors");
  run->add_flag("--parity", command.parity,
                "Send each streamable request once more with \"stream\" flipped; a different model, ending or tool "
                "calls is parity.mismatch");
  run->add_option("--compare-with", command.compare_with,
                  "Also run every case against this API root (or \"embedded\": a second embedded mock) and report "
                  "the differences as compare.* failures (docs/compare.md)");
  run->add_option("--compare-api-key", command.compare_api_key, "Key for ${api_key} on the --compare-with target (default: the same key)");
  run->add_option("--compare-header", command.compare_headers, "Add NAME: VALUE to every request to the --compare-with target, in place of a --header of that name (repeatable)");
  run->add_option("--compare-seed", command.compare_seed, "Seed of the embedded mock of --compare-with embedded (default: --seed)");
  run->add_flag("--compare-warn-only", command.compare_warn_only, "Report differences as warnings: they do not fail the run");
  run->add_option("--header,-H", command.headers, "Add NAME: VALUE to every request that lacks that header (repeatable); credential-like values are redacted");
  run->add_option("--ca-file", command.ca_file, "PEM file of CAs to trust for HTTPS")->check(CLI::ExistingFile);
  run->add_flag("--insecure", command.insecure, "Do not verify TLS certificates");
  run->add_option("--max-response-bytes", command.max_response_bytes,
                  "Abandon a response body larger than this (error http.too_large), so that a server that sends "
                  "without end cannot fill the memory")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 40));
  run->add_option("--junit", command.junit_path, "Also write a JUnit XML report to this file");
  run->add_option("--json", command.json_path, "Also write a JSON report (schemas/harness/report.schema.json) to this file");
  run->add_option("--markdown", command.markdown_path, "Also write a GitHub-flavoured Markdown summary to this file");
  run->add_option("--transcripts", command.transcripts_dir, "Keep raw bytes with arrival times, parsed events and a curl command per case in this folder");
  run->add_option("--transcripts-on", command.transcripts_on, "Which cases get a transcript: failure (failed and error) or all")->capture_default_str()->check(CLI::IsMember({"failure", "all"}));
  std::string color_when = "auto";
  run->add_option("--color", color_when, "auto (a terminal without NO_COLOR), always or never")->capture_default_str()->check(CLI::IsMember({"auto", "always", "never"}));
  run->footer(kRunExamples);
  run->add_option("--capabilities", command.target.capabilities, "What the target supports, comma-separated (default: everything documented; the embedded mock: everything); cases that require more are skipped")->delimiter(',')->allow_extra_args(false);
  run->add_option("--profile-file", command.target.profile_file, "Target profile JSON (schemas/harness/target_profile.schema.json): capabilities and check profile");
  run->add_flag("--strict-capabilities", command.target.strict_capabilities, "Fail, instead of skip, cases whose capability the target lacks");
  run->add_option("--seed", command.seed, "Seed of the embedded mock");
  run->add_flag("--verbose,-v", command.verbose, "Show info findings too");

  auto* list = app.add_subcommand("list", "List the cases a run would execute");
  add_selection_options(*list, command);

  app.add_subcommand("checks", "List every check id with its severity per profile");

  siraya::harness::ValidateCommand validate_options;
  auto* validate = app.add_subcommand("validate", "Check suite files against the suite format without sending anything (exit 0 valid, 2 problems)");
  validate->add_option("paths", validate_options.paths, "Suite files or folders of *.suite.json (default: the bundled suites)");
  validate->add_option("--schemas", validate_options.schemas_dir, "Folder of JSON Schemas overriding the bundled ones");

  siraya::harness::CoverageCommand coverage_options;
  add_coverage_command(app, coverage_options);

  siraya::harness::CheckCommand check_options;
  auto* check = add_check_command(app, check_options);
  app.footer(kExamples);  // after the subcommands, which would inherit it

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  command.profile_given = run->count("--profile") > 0;
  command.color = use_color(color_when);
  command.progress = interactive_stdout();
  if (run->parsed()) return siraya::harness::run_command(command, std::cout, std::cerr);
  if (list->parsed()) return siraya::harness::list_command(command, std::cout, std::cerr);
  if (validate->parsed()) return siraya::harness::validate_command(validate_options, std::cout, std::cerr);
  if (check->parsed()) return siraya::harness::check_command(check_options, std::cin, std::cout, std::cerr);
  if (app.got_subcommand("coverage")) return siraya::harness::coverage_command(coverage_options, std::cout, std::cerr);
  return siraya::harness::checks_command(std::cout);
}
