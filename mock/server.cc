#include "mock/server.h"

#include <condition_variable>
#include <mutex>

#include "core/endpoints.h"
#include "core/schema/registry.h"
#include "mock/catalog/catalog_loader.h"
#include "mock/config/model_names.h"
#include "mock/context.h"
#include "mock/rules/rule_loader.h"
#include "mock/http/http_server.h"
#include "mock/http/tls_context.h"
#include "mock/router.h"

namespace siraya::mock {
namespace {

// Schemas the mock cannot work without, from the endpoint table: every request schema always,
// response, stream-event and error schemas in strict mode. Checked once here, so endpoints can
// rely on them.
core::Result<void> check_schemas(const core::schema::Registry& schemas, bool strict) {
  std::vector<std::string_view> needed = {"models/model_list.json"};
  for (const auto& e : core::endpoints()) {
    needed.push_back(e.request_schema);
    if (strict) needed.insert(needed.end(), {e.response_schema, e.stream_event_schema, e.error_schema});
  }
  std::erase(needed, std::string_view{});
  for (auto id : needed) {
    if (!schemas.has(id)) {
      return core::fail("mock.schemas", "schema " + std::string(id) + " is missing", std::string(id),
                        "use the embedded schemas or give --schemas a folder that has every schema");
    }
  }
  return {};
}

class ServerImpl final : public Server {
 public:
  ServerImpl(std::unique_ptr<Router> router, std::string host, bool tls)
      : router_(std::move(router)), host_(std::move(host)), tls_(tls) {}
  ~ServerImpl() override { stop(); }

  void attach(std::unique_ptr<HttpServer> http) { http_ = std::move(http); }

  int port() const override { return http_->port(); }
  std::string base_url() const override {
    const bool ipv6 = host_.find(':') != std::string::npos;
    return (tls_ ? "https://" : "http://") + (ipv6 ? "[" + host_ + "]" : host_) + ":" + std::to_string(port()) + "/v1";
  }

  void stop() override {
    if (http_) http_->stop();  // idempotent; concurrent callers return once it has finished
    std::lock_guard lock(mutex_);
    stopped_ = true;
    stopped_cv_.notify_all();
  }

  void wait() override {
    std::unique_lock lock(mutex_);
    stopped_cv_.wait(lock, [this] { return stopped_; });
  }

 private:
  std::unique_ptr<Router> router_;
  std::string host_;
  bool tls_;
  std::unique_ptr<HttpServer> http_;
  std::mutex mutex_;
  std::condition_variable stopped_cv_;
  bool stopped_ = false;
};

}  // namespace

core::Result<std::unique_ptr<Server>> Server::start(Options options) {
  Context context;
  if (options.schemas) {
    context.schemas = options.schemas;
  } else {
    auto embedded = core::schema::Registry::embedded();
    if (!embedded) return core::fail("mock.schemas", embedded.error().to_string());
    context.schemas = *embedded;
  }
  if (auto ok = check_schemas(*context.schemas, options.strict); !ok) return core::Unexpected<core::Error>(ok.error());
  if (!options.catalog_file.empty()) {
    auto catalog = load_catalog_file(options.catalog_file, *context.schemas);
    if (!catalog) return core::Unexpected<core::Error>(catalog.error());
    context.catalog = *catalog;
  }
  if (!options.rules_files.empty()) {
    auto rules = rules::load_rules_files(options.rules_files, *context.schemas);
    if (!rules) return core::Unexpected<core::Error>(rules.error());
    context.rules = std::make_shared<rules::RuleStore>(*rules);
  }
  if (!options.upstream_url.empty()) {
    auto proxy = record::UpstreamProxy::create(options);
    if (!proxy) return core::Unexpected<core::Error>(proxy.error());
    context.proxy = *proxy;
  } else if (!options.record_dir.empty()) {
    return core::fail("mock.upstream", "--record-to needs --upstream: the gateway whose answers to record", "",
                      "add --upstream https://gateway.example (the API root the requests go to)");
  }
  if (!options.admin_token.empty()) context.journal = std::make_shared<admin::Journal>(options.journal_capacity);
  if (options.config) {
    // Model names in the configuration must name models of the catalog just loaded.
    if (auto names = config::check_model_names(*options.config, *context.catalog); !names) {
      return core::Unexpected<core::Error>(names.error());
    }
    context.limits = std::make_shared<limits::Limits>(options.config, options.seed, options.limits_clock);
    if (!options.config->faults.empty()) {
      context.configured_faults = std::make_shared<faults::ConfiguredFaults>(options.config->faults);
    }
  }

  HttpConfig http;
  if (!options.tls_cert_file.empty() || !options.tls_key_file.empty()) {
    auto tls = TlsContext::load(options.tls_cert_file, options.tls_key_file);
    if (!tls) return core::Unexpected<core::Error>(tls.error());
    http.tls = *tls;
  }
  http.host = options.host;
  http.port = options.port;
  http.max_threads = options.max_threads;
  http.keep_alive_timeout = options.keep_alive_timeout;
  http.io_timeout = options.io_timeout;
  http.max_body_bytes = options.max_body_bytes;
  http.seed = options.seed;

  context.options = std::move(options);
  auto router = std::make_unique<Router>(std::move(context));
  const Router* routing = router.get();
  auto server = std::make_unique<ServerImpl>(std::move(router), http.host, http.tls != nullptr);
  auto bound = HttpServer::bind(http, [routing](const Request& request) { return routing->handle(request); });
  if (!bound) return core::Unexpected<core::Error>(bound.error());
  std::unique_ptr<HttpServer> http_server = std::move(*bound);
  // Accepting starts in the background; the socket is already listening, so a client may
  // connect as soon as this returns.
  http_server->start();
  server->attach(std::move(http_server));
  return std::unique_ptr<Server>(std::move(server));
}

}  // namespace siraya::mock
