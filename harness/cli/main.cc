// siraya-harness: replays JSON suites against a gateway (or the embedded mock) and checks
// every response for conformance. See README.md for the commands and exit codes.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "harness/cli/run_command.h"

namespace {

void add_selection_options(CLI::App& app, siraya::harness::RunCommand& c) {
  app.add_option("files", c.suite_files, "Suite files to run (default: the bundled suites)");
  app.add_option("--suites", c.suite_dirs, "Folder of *.suite.json files (repeatable); replaces the bundled suites");
  app.add_option("--schemas", c.schemas_dir, "Folder of JSON Schemas overriding the bundled ones");
  app.add_option("--filter", c.filters, "Run only cases whose suite#case matches this glob or substring (repeatable)");
  app.add_option("--tag", c.tags, "Run only cases with this tag (repeatable)");
}

}  // namespace

int main(int argc, char** argv) {
  siraya::harness::RunCommand command;
  CLI::App app{"siraya-harness: conformance checks for AI gateway APIs"};
  app.require_subcommand(1);

  auto* run = app.add_subcommand("run", "Run suites against --base-url, or against the embedded siraya-mock");
  add_selection_options(*run, command);
  run->add_option("--base-url", command.base_url, "Target API root, e.g. https://gateway.example/v1 (default: embedded mock)");
  run->add_option("--api-key", command.api_key, "Key for ${api_key} (default: $SIRAYA_API_KEY)");
  run->add_option("--var", command.vars, "Set a suite variable: NAME=VALUE (repeatable)");
  run->add_option("--profile", command.profile, "lenient, standard or strict")->capture_default_str();
  run->add_option("--jobs,-j", command.jobs, "Cases in flight at once")->capture_default_str()->check(CLI::Range(1, 256));
  run->add_option("--timeout", command.timeout_ms, "Total time per request in ms")->capture_default_str()->check(CLI::Range(1L, 3'600'000L));
  run->add_option("--ca-file", command.ca_file, "PEM file of CAs to trust for HTTPS")->check(CLI::ExistingFile);
  run->add_flag("--insecure", command.insecure, "Do not verify TLS certificates");
  run->add_option("--junit", command.junit_path, "Also write a JUnit XML report to this file");
  run->add_option("--seed", command.seed, "Seed of the embedded mock");
  run->add_flag("--verbose,-v", command.verbose, "Show info findings too");

  auto* list = app.add_subcommand("list", "List the cases a run would execute");
  add_selection_options(*list, command);

  app.add_subcommand("checks", "List every check id with its severity per profile");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  command.color = isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
  if (run->parsed()) return siraya::harness::run_command(command, std::cout, std::cerr);
  if (list->parsed()) return siraya::harness::list_command(command, std::cout, std::cerr);
  return siraya::harness::checks_command(std::cout);
}
