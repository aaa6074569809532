#include "mock/record/upstream_proxy.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "core/json/bounded_parse.h"
#include "core/http/client.h"
#include "mock/record/event_splitter.h"
#include "mock/record/fixture_writer.h"
#include "mock/redactor.h"

namespace siraya::mock::record {
namespace {

namespace http = core::http;
using std::chrono::duration_cast;
using std::chrono::milliseconds;
using std::chrono::nanoseconds;

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Hop-by-hop headers (RFC 9110 section 7.6.1) and those the HTTP layers on each side set
// themselves. accept-encoding is dropped so that the upstream answers uncompressed bytes, which
// the recording can store and replay as they are.
bool is_request_hop_header(const std::string& name) {
  for (std::string_view h : {"host", "connection", "keep-alive", "proxy-connection", "proxy-authorization", "te",
                             "trailer", "transfer-encoding", "upgrade", "content-length", "accept-encoding",
                             "origin"}) {
    if (name == h) return true;
  }
  return false;
}

// Response headers the mock writes itself (content type, framing, its own request ids) or that
// mean nothing on replay.
bool is_response_own_header(const std::string& name) {
  for (std::string_view h : {"connection", "keep-alive", "transfer-encoding", "content-length", "content-type",
                             "content-encoding", "trailer", "upgrade", "date", "x-request-id", "request-id",
                             "cache-control", "access-control-allow-origin", "access-control-expose-headers",
                             "access-control-allow-credentials", "vary"}) {
    if (name == h) return true;
  }
  return false;
}

bool is_event_stream(std::string_view content_type) {
  return lower(content_type).rfind("text/event-stream", 0) == 0;
}

// What the upstream thread hands to the thread that answers the client.
struct Relay {
  std::mutex mu;
  std::condition_variable cv;
  bool head = false;
  int status = 0;
  http::Headers headers;
  std::deque<std::string> chunks;
  bool done = false;
  std::optional<core::Error> error;
  bool cancelled = false;  // the client left: stop reading the upstream
};

// The client side of a relayed stream: chunks as the upstream thread queues them. Destroying it
// (the stream was sent, or the client left) stops the upstream request and joins its thread.
class RelaySource final : public EventSource {
 public:
  RelaySource(std::shared_ptr<Relay> relay, std::thread thread) : relay_(std::move(relay)), thread_(std::move(thread)) {}
  ~RelaySource() override {
    {
      std::lock_guard lock(relay_->mu);
      relay_->cancelled = true;
    }
    if (thread_.joinable()) thread_.join();
  }
  std::optional<std::string> next() override {
    std::unique_lock lock(relay_->mu);
    relay_->cv.wait(lock, [this] { return !relay_->chunks.empty() || relay_->done; });
    if (relay_->chunks.empty()) return std::nullopt;
    std::string chunk = std::move(relay_->chunks.front());
    relay_->chunks.pop_front();
    return chunk;
  }
  bool complete() const override {
    std::lock_guard lock(relay_->mu);
    return !relay_->error.has_value();
  }

 private:
  std::shared_ptr<Relay> relay_;
  std::thread thread_;
};

// Builds the recording while the upstream answers (on the upstream thread only).
class Recorder {
 public:
  void headers(int status, const http::Headers& headers, nanoseconds at) {
    reply_.status = status;
    for (const auto& [name, value] : headers) {
      const std::string n = lower(name);
      if (n == "content-type") reply_.content_type = value;
      else if (!is_response_own_header(n) && n != "set-cookie") reply_.headers.emplace_back(n, value);
    }
    reply_.streamed = is_event_stream(reply_.content_type);
    reply_.first_byte = duration_cast<milliseconds>(at);
    last_ = at;
  }
  void chunk(std::string_view bytes, nanoseconds at) {
    if (!reply_.streamed) {
      reply_.body.append(bytes);
      return;
    }
    for (auto& event : splitter_.feed(bytes)) add_event(std::move(event), at);
  }
  rules::RecordedReply finish(const Redactor& redactor, nanoseconds at) {
    if (reply_.streamed) {
      if (std::string rest = splitter_.finish(); !rest.empty()) add_event(std::move(rest), at);
      for (auto& e : reply_.events) e.data = redactor.apply(std::move(e.data));
    } else {
      reply_.body = redactor.apply(std::move(reply_.body));
    }
    for (auto& [name, value] : reply_.headers) {
      if (is_credential_header(name)) value = std::string(kRedacted);
      else value = redactor.apply(std::move(value));
    }
    return std::move(reply_);
  }

 private:
  void add_event(std::string data, nanoseconds at) {
    reply_.events.push_back(rules::RecordedEvent{std::max(milliseconds{0}, duration_cast<milliseconds>(at - last_)),
                                                 std::move(data)});
    last_ = at;
  }
  rules::RecordedReply reply_;
  EventSplitter splitter_;
  nanoseconds last_{0};
};

class Proxy final : public UpstreamProxy {
 public:
  Proxy(std::unique_ptr<http::Client> client, std::string base_path, std::unique_ptr<FixtureWriter> writer)
      : client_(std::move(client)), base_path_(std::move(base_path)), writer_(std::move(writer)) {}

  core::Result<ResponsePlan> forward(const Request& request, const core::Endpoint* endpoint) const override {
    auto relay = std::make_shared<Relay>();
    http::Request upstream = upstream_request(request);
    const bool record = writer_ && endpoint != nullptr;
    auto recorder = std::make_shared<Recorder>();
    const auto started = std::chrono::steady_clock::now();
    // on_headers has no arrival time: the recorder takes it from the clock.
    upstream.on_headers = [relay, recorder, record, started](int status, const http::Headers& headers) {
      if (record) recorder->headers(status, headers, std::chrono::steady_clock::now() - started);
      std::lock_guard lock(relay->mu);
      relay->head = true;
      relay->status = status;
      relay->headers = headers;
      relay->cv.notify_all();
    };
    // Times come from one clock: the client's chunk arrival times count from its own start, which
    // is a little later than `started`.
    upstream.on_chunk = [relay, recorder, record, started](std::string_view bytes, nanoseconds) {
      if (record) recorder->chunk(bytes, std::chrono::steady_clock::now() - started);
      std::lock_guard lock(relay->mu);
      if (relay->cancelled) return false;
      relay->chunks.emplace_back(bytes);
      relay->cv.notify_all();
      return true;
    };
    Exchange exchange;
    if (record) {
      exchange.endpoint = std::string(endpoint->name);
      exchange.method = request.method;
      exchange.path = request.path + (request.query.empty() ? "" : "?" + request.query);
    }
    auto redactor = std::make_shared<Redactor>(request);
    if (record) exchange.body = redactor->apply(core::json::parse_bounded(request.body));
    if (exchange.body.is_discarded()) exchange.body = nullptr;

    std::thread thread([this, relay, recorder, redactor, record, started, upstream = std::move(upstream),
                        exchange = std::move(exchange)]() mutable {
      auto result = client_->send(upstream, http::Mode::streaming);
      bool cancelled = false;
      {
        std::lock_guard lock(relay->mu);
        cancelled = relay->cancelled;
      }
      // The fixture is written before the client sees the end of the answer: once a client has
      // its whole answer, the exchange is in the folder.
      if (record && result && !cancelled) {
        exchange.reply = recorder->finish(*redactor, std::chrono::steady_clock::now() - started);
        auto written = writer_->write(exchange);
        if (!written) std::fprintf(stderr, "siraya-mock: %s\n", written.error().to_string().c_str());
      } else if (record) {
        std::fprintf(stderr, "siraya-mock: not recorded (%s): %s %s\n",
                     cancelled ? "the client left before the end" : result.error().message.c_str(),
                     exchange.method.c_str(), exchange.path.c_str());
      }
      std::lock_guard lock(relay->mu);
      relay->done = true;
      if (!result) relay->error = result.error();
      relay->cv.notify_all();
    });

    std::unique_lock lock(relay->mu);
    relay->cv.wait(lock, [&] { return relay->head || relay->done; });
    if (!relay->head) {
      lock.unlock();
      thread.join();
      return core::Unexpected<core::Error>(*relay->error);
    }
    ResponsePlan plan;
    plan.status = relay->status;
    for (const auto& [name, value] : relay->headers) {
      const std::string n = lower(name);
      if (n == "content-type") plan.content_type = value;
      else if (!is_response_own_header(n)) plan.headers.emplace_back(name, value);
    }
    if (is_event_stream(plan.content_type)) {
      lock.unlock();
      plan.streaming = true;
      plan.source = std::make_shared<RelaySource>(relay, std::move(thread));
      return plan;
    }
    // Not a stream: relayed once complete, with its Content-Length.
    relay->cv.wait(lock, [&] { return relay->done; });
    lock.unlock();
    thread.join();
    if (relay->error) return core::Unexpected<core::Error>(*relay->error);
    for (auto& chunk : relay->chunks) plan.body += chunk;
    return plan;
  }

 private:
  http::Request upstream_request(const Request& request) const {
    http::Request out;
    out.method = request.method;
    // The client's path is the API path (/v1/...); an upstream URL ending in /v1 is the API root too.
    std::string_view path = request.path;
    if (base_path_.size() >= 3 && base_path_.compare(base_path_.size() - 3, 3, "/v1") == 0 &&
        path.substr(0, 4) == "/v1/") {
      path.remove_prefix(3);
    }
    out.path = std::string(path) + (request.query.empty() ? "" : "?" + request.query);
    for (const auto& [name, value] : request.headers) {
      if (!is_request_hop_header(name)) out.headers.emplace_back(name, value);
    }
    out.body = request.body;
    return out;
  }

  std::unique_ptr<http::Client> client_;
  std::string base_path_;
  std::unique_ptr<FixtureWriter> writer_;
};

}  // namespace

core::Result<std::shared_ptr<const UpstreamProxy>> UpstreamProxy::create(const Options& options) {
  http::ClientOptions client_options;
  client_options.base_url = options.upstream_url;
  client_options.ca_file = options.upstream_ca_file;
  client_options.insecure = options.upstream_insecure;
  const milliseconds limit = duration_cast<milliseconds>(options.upstream_timeout);
  client_options.timeouts = http::Timeouts{std::min(limit, milliseconds{10'000}), limit, limit, limit};
  auto client = http::Client::create(client_options);
  if (!client) {
    const core::Error& e = client.error();
    return core::fail("mock.upstream", "--upstream: " + e.message, e.location, e.fix);
  }
  std::string base_path;
  if (const auto scheme = options.upstream_url.find("://"); scheme != std::string::npos) {
    if (const auto slash = options.upstream_url.find('/', scheme + 3); slash != std::string::npos) {
      base_path = options.upstream_url.substr(slash);
      while (!base_path.empty() && base_path.back() == '/') base_path.pop_back();
    }
  }
  std::unique_ptr<FixtureWriter> writer;
  if (!options.record_dir.empty()) {
    auto opened = FixtureWriter::open(options.record_dir, options.upstream_url);
    if (!opened) return core::Unexpected<core::Error>(opened.error());
    writer = std::move(*opened);
  }
  return std::shared_ptr<const UpstreamProxy>(
      std::make_shared<Proxy>(std::move(*client), std::move(base_path), std::move(writer)));
}

}  // namespace siraya::mock::record
