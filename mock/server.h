#pragma once
// siraya-mock: a fast, deterministic fake of the gateway API. This header is the mock's public
// seam: the siraya-mock executable and the harness (which embeds the mock in-process when no
// base URL is given) start and stop it through it. No httplib type appears here.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace siraya::core::schema {
class Registry;
}

namespace siraya::mock::config {
struct Config;
}

namespace siraya::mock {

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;                 // 0: the OS picks a free port; read it back with port()
  // HTTPS (--tls-cert, --tls-key; docs/tls.md): the PEM certificate chain and private key, both
  // or neither; empty: plain HTTP.
  std::string tls_cert_file;
  std::string tls_key_file;
  std::uint64_t seed = 0;          // content is a pure function of (seed, request)
  // Fixed Unix time for every generated timestamp (--clock); nullopt: the real clock.
  std::optional<std::int64_t> fixed_clock;
  std::vector<std::string> keys;  // accepted API keys; empty: any non-empty key is accepted
  bool strict = false;             // validate every response plan against the response schemas
  // Upper bound of the worker pool: one worker per open connection, started on demand (a
  // connection beyond it waits for a free worker). bench/run.sh holds 10,000 streams at once.
  std::size_t max_threads = 16384;
  std::chrono::seconds keep_alive_timeout{2};
  // Longest wait for the next piece of a request being read (headers or body) and for a write to
  // progress: a client that sends half a request, or stops reading, is dropped after it.
  std::chrono::milliseconds io_timeout{30'000};
  std::size_t max_body_bytes = 32u << 20;
  // Browser origins allowed to call the mock (CORS, docs/cors.md); "*" allows any. Empty: CORS off.
  std::vector<std::string> cors_origins;
  // Honour the x-siraya-mock request header (per-request statuses and faults, docs/faults.md).
  bool control_header = true;
  // Schemas for request validation and strict mode; nullptr: the embedded registry.
  std::shared_ptr<const core::schema::Registry> schemas;
  // Model catalog file (schemas/mock/catalog.json, docs/model-catalog.md): --catalog, else the
  // configuration's "catalog"; empty: the built-in one.
  std::string catalog_file;
  // The configuration file's data (--config; docs/mock-config.md); nullptr: none, and credits,
  // rate limits, moderation, latency and upstream failures are off (requests take no lock).
  std::shared_ptr<const config::Config> config;
  // Clock of the rate-limit buckets; empty: steady_clock::now. Tests inject one instead of sleeping.
  std::function<std::chrono::steady_clock::time_point()> limits_clock;
  // Rules files (scripted responses): --rules and the configuration's "rules", in that order.
  std::vector<std::string> rules_files;
  // Recorded replies (docs/record-replay.md) wait their recorded delays divided by this: 1 as
  // recorded, 2 twice as fast, 0 not at all.
  double replay_speed = 1.0;
  // Record mode (--upstream, --record-to; docs/record-replay.md): every API request is proxied to
  // `upstream_url` and answered with its answer, streams event by event; with `record_dir` each
  // exchange is also written there as a rules file. Empty url: the mock answers itself.
  std::string upstream_url;
  std::string record_dir;
  std::optional<std::string> upstream_ca_file;  // PEM CAs for an https upstream; default: the system's
  bool upstream_insecure = false;               // do not verify the upstream's certificate
  std::chrono::seconds upstream_timeout{600};   // longest exchange, and longest silence within one
  // With rules: a request to chat, responses or messages that no rule matches gets a 400 listing
  // the nearest rules instead of generated output (docs/rules.md).
  bool strict_rules = false;
  // The admin API under /__admin/ (docs/admin-api.md) needs this bearer token; empty: it is off.
  std::string admin_token;
  std::size_t journal_capacity = 1000;  // requests the admin API's journal keeps
};

class Server {
 public:
  // Binds and starts serving on background threads; returns once the socket accepts
  // connections, so callers never sleep waiting for readiness. Error ids: mock.bind, mock.schemas,
  // mock.tls (a missing, unreadable or mismatched --tls-cert / --tls-key file),
  // mock.catalog, mock.rules, mock.config (a model name of the configuration the catalog lacks),
  // mock.upstream (a bad --upstream URL or --record-to folder).
  static core::Result<std::unique_ptr<Server>> start(Options options);
  virtual ~Server() = default;

  virtual int port() const = 0;
  virtual std::string base_url() const = 0;  // "http://127.0.0.1:<port>/v1" (https:// with TLS)
  virtual void stop() = 0;                   // idempotent; in-flight streams are ended
  virtual void wait() = 0;                   // blocks until stop() has finished
};

}  // namespace siraya::mock
