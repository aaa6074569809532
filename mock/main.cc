// siraya-mock: serves the gateway API from a deterministic fake (mock/server.h).
// Exit codes: 0 after a clean shutdown on SIGINT/SIGTERM, 1 when the server cannot start,
// 2 for bad options (including an unreadable keys file, schemas folder, catalog or configuration file,
// or TLS certificate or key).
#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/schema/registry.h"
#include "mock/config/command_line.h"
#include "mock/open_file_limit.h"
#include "mock/server.h"

#ifndef SIRAYA_VERSION
#error "SIRAYA_VERSION is defined by mock/CMakeLists.txt (the CMake project version)"
#endif

namespace {

using siraya::core::Result;

// One key per line; blank lines and lines starting with '#' are skipped, surrounding white space
// is trimmed.
Result<std::vector<std::string>> read_keys_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return siraya::core::fail("mock.keys_file", "cannot read the keys file", path, "check the path");
  std::vector<std::string> keys;
  std::string line;
  while (std::getline(in, line)) {
    const auto begin = line.find_first_not_of(" \t\r");
    if (begin == std::string::npos || line[begin] == '#') continue;
    const auto end = line.find_last_not_of(" \t\r");
    keys.push_back(line.substr(begin, end - begin + 1));
  }
  return keys;
}

}  // namespace

int main(int argc, char** argv) {
  siraya::mock::Options options;
  std::string keys_file;
  std::string schemas_dir;
  std::size_t threads = options.max_threads;

  CLI::App app{"siraya-mock: a fast, deterministic mock of the Siraya AI gateway API"};
  app.set_version_flag("--version", std::string("siraya-mock ") + SIRAYA_VERSION);
  app.add_option("--host", options.host, "Address to listen on")->capture_default_str();
  app.add_option("--port", options.port, "Port to listen on (0 picks a free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  app.add_option("--seed", options.seed, "Seed of all generated content")->capture_default_str();
  auto* tls_cert = app.add_option("--tls-cert", options.tls_cert_file,
                                  "Serve HTTPS with this PEM certificate chain (server certificate first; docs/tls.md)");
  auto* tls_key = app.add_option("--tls-key", options.tls_key_file, "The PEM private key of --tls-cert");
  tls_cert->needs(tls_key);
  tls_key->needs(tls_cert);
  std::int64_t fixed_clock = 0;
  auto* clock_option = app.add_option("--clock", fixed_clock,
                                      "Stamp every created/created_at with these Unix seconds instead of the real time, "
                                      "so equal requests give byte-identical bodies (docs/determinism.md)")
                           ->check(CLI::Range(std::int64_t{0}, std::int64_t{253402300799}));
  app.add_option("--key", options.keys, "Accepted API key (repeatable; none: any non-empty key)");
  app.add_option("--keys-file", keys_file, "File with accepted API keys, one per line, # comments");
  app.add_flag("--strict", options.strict, "Validate every response against the response schemas");
  auto* threads_option = app.add_option("--threads", threads, "Maximum worker threads (one per open connection)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20));
  app.add_option("--cors-origin", options.cors_origins,
                 "Let web apps on this origin call the mock from a browser (CORS; repeatable; '*' for any origin, "
                 "for local development); other origins get a 400 (docs/cors.md)");
  app.add_option("--schemas", schemas_dir, "Load schemas from this folder instead of the embedded ones");
  std::int64_t io_timeout_ms = options.io_timeout.count();
  app.add_option("--io-timeout", io_timeout_ms,
                 "Milliseconds a client may take to send the next piece of a request, or to take the next piece "
                 "of an answer, before its connection is dropped")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{100}, std::int64_t{3'600'000}));
  app.add_option("--max-body-bytes", options.max_body_bytes, "Largest request body accepted; larger ones get 413")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40));
  bool no_control_header = false;
  app.add_flag("--no-control-header", no_control_header,
               "Ignore the x-siraya-mock request header that forces statuses and stream faults (docs/faults.md)");
  app.add_option("--rules", options.rules_files,
                 "Rules file of scripted responses (schemas/mock/rules.json, docs/rules.md), or a folder of them (its *.json "
                 "files in name order, e.g. a --record-to folder); repeatable, tried in order");
  app.add_option("--replay-speed", options.replay_speed,
                 "Recorded replies wait their recorded delays divided by this (1: as recorded, 0: no delays; "
                 "docs/record-replay.md)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1000.0));
  auto* upstream_option = app.add_option("--upstream", options.upstream_url,
                 "Record mode: send every API request on to this gateway (its API root, e.g. https://gw.example/v1) and "
                 "relay its answers, streams event by event (docs/record-replay.md)");
  app.add_option("--record-to", options.record_dir,
                 "With --upstream: write each exchange into this folder as a rules file that replays it "
                 "(credentials redacted); replay with --rules FOLDER")
      ->needs(upstream_option);
  app.add_option("--upstream-ca-file", options.upstream_ca_file, "With --upstream: PEM file of CAs to trust")
      ->check(CLI::ExistingFile)
      ->needs(upstream_option);
  app.add_flag("--upstream-insecure", options.upstream_insecure,
               "With --upstream: do not verify the upstream's TLS certificate")
      ->needs(upstream_option);
  std::int64_t upstream_timeout = options.upstream_timeout.count();
  app.add_option("--upstream-timeout", upstream_timeout,
                 "With --upstream: seconds an exchange may take, and the longest silence within one")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{86400}))
      ->needs(upstream_option);
  app.add_flag("--strict-rules", options.strict_rules,
               "Answer a chat/responses/messages request that no rule matches with a 400 listing the nearest rules "
               "(docs/rules.md)");
  app.add_option("--admin-token", options.admin_token,
                 "Turn on the admin API under /__admin/ (reset, request journal, rules), which then needs "
                 "Authorization: Bearer TOKEN (docs/admin-api.md)");
  app.add_option("--journal-size", options.journal_capacity, "Requests the admin API's journal keeps")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{0}, std::size_t{1} << 20));
  app.add_option("--catalog", options.catalog_file,
                 "Serve the models of this catalog file (schemas/mock/catalog.json) instead of the built-in ones; "
                 "overrides the configuration's \"catalog\"");
  siraya::mock::config::CommandLine config_line;
  siraya::mock::config::add_options(app, config_line);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  options.max_threads = threads;
  options.io_timeout = std::chrono::milliseconds{io_timeout_ms};
  options.upstream_timeout = std::chrono::seconds{upstream_timeout};
  if (clock_option->count() > 0) options.fixed_clock = fixed_clock;
  options.control_header = !no_control_header;

  if (!keys_file.empty()) {
    auto keys = read_keys_file(keys_file);
    if (!keys) {
      std::cerr << keys.error().to_string() << "\n";
      return 2;
    }
    options.keys.insert(options.keys.end(), keys->begin(), keys->end());
  }
  if (!schemas_dir.empty()) {
    auto schemas = siraya::core::schema::Registry::from_directory(schemas_dir);
    if (!schemas) {
      std::cerr << schemas.error().to_string() << "\n";
      return 2;
    }
    options.schemas = *schemas;
  }
  if (!config_line.empty()) {
    auto registry = options.schemas ? siraya::core::Result<std::shared_ptr<const siraya::core::schema::Registry>>(options.schemas)
                                    : siraya::core::schema::Registry::embedded();
    if (!registry) {
      std::cerr << registry.error().to_string() << "\n";
      return 1;
    }
    auto config = siraya::mock::config::load(config_line, **registry);
    if (!config) {
      std::cerr << config.error().to_string() << "\n";
      return 2;
    }
    for (const auto& k : config->keys) options.keys.push_back(k.key);
    options.rules_files.insert(options.rules_files.end(), config->rules_files.begin(), config->rules_files.end());
    if (options.catalog_file.empty()) options.catalog_file = config->catalog_file;  // --catalog wins
    options.config = std::make_shared<const siraya::mock::config::Config>(std::move(*config));
  }

  // Block the shutdown signals before any thread starts, so that every thread inherits the mask
  // and only the sigwait below receives them (no work in a signal handler).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // A client that disconnects mid-write must not kill the process.
  signal(SIGPIPE, SIG_IGN);

  // One descriptor per connection: without this, the 1025th concurrent connection would fail.
  const std::size_t open_files = siraya::mock::raise_open_file_limit();
  if (threads_option->count() > 0 && open_files != 0 && open_files < options.max_threads + 64) {
    std::cerr << "siraya-mock: warning: the open-file limit (" << open_files << ") is below --threads ("
              << options.max_threads << "): connections beyond it are refused; raise it with ulimit -n\n";
  }

  const std::string host = options.host;
  const auto seed = options.seed;
  auto server = siraya::mock::Server::start(std::move(options));
  if (!server) {
    std::cerr << server.error().to_string() << "\n";
    // A bad --catalog, rules file, configuration (a model name the catalog lacks) or --upstream /
    // --record-to is a bad option.
    const std::string& id = server.error().id;
    return id == "mock.catalog" || id == "mock.rules" || id == "mock.config" || id == "mock.upstream" ||
                   id == "mock.tls"
               ? 2
               : 1;
  }
  const char* scheme = (*server)->base_url().starts_with("https:") ? "https" : "http";
  std::printf("siraya-mock listening on %s://%s:%d (seed %llu)\n", scheme, host.c_str(), (*server)->port(),
              static_cast<unsigned long long>(seed));
  std::fflush(stdout);

  int received = 0;
  sigwait(&signals, &received);
  (*server)->stop();
  (*server)->wait();
  return 0;
}
