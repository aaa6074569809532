#include "mock/http/http_server.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_set>

#include <httplib.h>

#include "mock/errors.h"
#include "mock/http/socket_stream.h"
#include "mock/http/tls_stream.h"
#include "mock/generation/ids.h"
#include "mock/messages/error_body.h"
#include "mock/path_normalization.h"
#include "mock/worker_pool.h"

namespace siraya::mock {
namespace {

constexpr int kListenBacklog = 4096;  // the kernel caps it at net.core.somaxconn
constexpr std::size_t kKeepAliveMaxCount = 100000;  // what the Keep-Alive header announces

// The connection the current worker serves. httplib hands handlers and content providers no
// socket, but one worker serves a connection from accept to close (process_and_close_socket), and
// the handler and the providers it installs run on that worker, so they read it here.
thread_local int t_connection = -1;

// Resets the connection (RST) without closing the descriptor under httplib's feet: with SO_LINGER
// 0, replacing the descriptor by a fresh unconnected socket (dup2 closes the old one atomically)
// sends the RST; the number stays valid for the connection loop, and every later write fails.
void reset_connection(int sock) {
  linger no_linger{1, 0};
  ::setsockopt(sock, SOL_SOCKET, SO_LINGER, &no_linger, sizeof(no_linger));
  const int placeholder = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (placeholder >= 0 && ::dup2(placeholder, sock) >= 0) {
    ::close(placeholder);
    return;
  }
  if (placeholder >= 0) ::close(placeholder);
  ::shutdown(sock, SHUT_RDWR);  // no descriptor to spare: at least end the connection
}

// cpp-httplib 0.11.4 with the connection loop replaced. Its own loop polls an idle keep-alive
// connection every ~11 ms and notices a stopped server only when the keep-alive timeout ends, so
// stop() would wait that long for every pooled SDK connection. This loop waits in poll() and is
// woken by stop() through shutdown(SHUT_RD), which also lets in-flight responses finish writing.
// (process_and_close_socket is a private virtual of httplib::Server; overriding is allowed, and
// process_request, which parses and answers one request, is protected for subclasses.)
class TunedServer : public httplib::Server {
 public:
  explicit TunedServer(std::chrono::seconds keep_alive_timeout)
      : keep_alive_ms_(static_cast<int>(std::chrono::milliseconds(keep_alive_timeout).count())) {}

  bool stopping() const { return stopping_.load(std::memory_order_relaxed); }

  // Serve HTTPS with this identity (before the server starts); nullptr: plain HTTP.
  void set_tls(std::shared_ptr<const TlsContext> tls) { tls_ = std::move(tls); }

  // Waits `duration` unless the server stops or the client leaves first (false then). Waits in
  // poll() for POLLRDHUP, which both the client's FIN and close_listener's shutdown(SHUT_RD)
  // raise, so a paused or stalled response never outlives its client or the server.
  bool pause(int sock, std::chrono::milliseconds duration) const {
    const auto deadline = std::chrono::steady_clock::now() + duration;
    for (;;) {
      if (stopping()) return false;
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return true;
      pollfd p{sock, POLLRDHUP, 0};
      const int n = ::poll(&p, 1, static_cast<int>(left.count()));
      if (n > 0 || (n < 0 && errno != EINTR)) return false;
    }
  }

  // Debian's shared library compiles a listen backlog of 5 in (perf-notes.md §2); listen() again
  // on the bound socket with a large backlog (Linux applies the new value).
  bool relisten(int backlog) { return ::listen(svr_sock_, backlog) == 0; }

  // Closing the socket ends the accept loop of listen_after_bind (also when it has not started
  // yet); open connections are woken so they end after their current response.
  void close_listener() {
    {
      std::lock_guard lock(connections_mutex_);
      stopping_ = true;
      for (int sock : connections_) ::shutdown(sock, SHUT_RD);
    }
    const socket_t fd = svr_sock_.exchange(INVALID_SOCKET);
    if (fd != INVALID_SOCKET) {
      ::shutdown(fd, SHUT_RDWR);
      ::close(fd);
    }
  }

 private:
  bool process_and_close_socket(socket_t sock) override {
    {
      std::lock_guard lock(connections_mutex_);
      if (stopping_.load()) {
        ::close(sock);
        return false;
      }
      connections_.insert(sock);
    }
    t_connection = sock;
    int yes = 1;  // perf-notes.md §1: no 40 ms delayed-ACK stall per response
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
    const int read_ms = static_cast<int>(read_timeout_sec_ * 1000 + read_timeout_usec_ / 1000);
    const int write_ms = static_cast<int>(write_timeout_sec_ * 1000 + write_timeout_usec_ / 1000);
    bool ok = false;
    if (tls_) {
      // The handshake runs on this worker; stop() wakes it like an idle connection.
      if (auto stream = TlsStream::accept(*tls_, sock, read_ms, write_ms)) ok = serve_requests(*stream);
    } else {
      SocketStream stream(sock, read_ms, write_ms);
      ok = serve_requests(stream);
    }
    {
      std::lock_guard lock(connections_mutex_);
      connections_.erase(sock);
      ::shutdown(sock, SHUT_RDWR);
      ::close(sock);  // under the lock: close_listener never shuts down a reused descriptor
    }
    return ok;
  }

  // The requests of one keep-alive connection, until it closes, fails or the server stops.
  template <class Connection>
  bool serve_requests(Connection& stream) {
    bool ok = true;
    while (ok && stream.wait_for_request(keep_alive_ms_)) {
      bool connection_closed = false;
      ok = process_request(stream, stopping_.load(), connection_closed, nullptr) && !connection_closed &&
           !stopping_.load();
    }
    return ok;
  }

  const int keep_alive_ms_;
  std::shared_ptr<const TlsContext> tls_;  // nullptr: plain HTTP
  std::atomic<bool> stopping_{false};
  std::mutex connections_mutex_;
  std::unordered_set<int> connections_;
};

// httplib::TaskQueue over the elastic pool: one worker per connection, created on demand.
class PoolTaskQueue : public httplib::TaskQueue {
 public:
  explicit PoolTaskQueue(std::size_t max_threads) : pool_(max_threads) {}
  void enqueue(std::function<void()> fn) override { pool_.enqueue(std::move(fn)); }
  void shutdown() override { pool_.shutdown(); }

 private:
  WorkerPool pool_;
};

// SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which would let a second server
// bind the same port silently instead of failing with mock.bind.
void socket_options(socket_t sock) {
  int yes = 1;
  ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

class HttplibServer final : public HttpServer {
 public:
  HttplibServer(const HttpConfig& config, Handler handler)
      : config_(config), handler_(std::move(handler)), server_(config.keep_alive_timeout) {}
  ~HttplibServer() override { stop(); }

  core::Result<void> bind() {
    configure();
    const int port = config_.port == 0 ? server_.bind_to_any_port(config_.host)
                                       : (server_.bind_to_port(config_.host, config_.port) ? config_.port : -1);
    if (port <= 0) {
      return core::fail("mock.bind", "cannot listen on " + config_.host + ":" + std::to_string(config_.port),
                        config_.host + ":" + std::to_string(config_.port),
                        "pick a free port (or 0 to let the OS pick one) and an address of this host");
    }
    if (!server_.relisten(kListenBacklog)) {
      server_.close_listener();
      return core::fail("mock.bind", "listen() failed on " + config_.host + ":" + std::to_string(port));
    }
    port_ = port;
    return {};
  }

  int port() const override { return port_; }

  void start() override {
    std::lock_guard lock(mutex_);
    if (started_ || stopped_) return;
    started_ = true;
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }

  void stop() override {
    std::lock_guard lock(mutex_);
    if (stopped_) return;
    stopped_ = true;
    server_.close_listener();
    if (thread_.joinable()) thread_.join();  // the task queue joins every connection's worker
  }

 private:
  void configure() {
    server_.set_tls(config_.tls);
    server_.set_socket_options(socket_options);
    server_.set_tcp_nodelay(true);  // perf-notes.md §1: no 40 ms delayed-ACK stall per response
    // TunedServer's connection loop enforces the keep-alive timeout and no request count (the
    // compiled-in 5 would force a reconnect every 5 requests, perf-notes.md §2); httplib still
    // announces both in its Keep-Alive header, so give it the true values.
    server_.set_keep_alive_max_count(kKeepAliveMaxCount);
    server_.set_keep_alive_timeout(static_cast<time_t>(config_.keep_alive_timeout.count()));
    server_.set_read_timeout(config_.io_timeout);
    server_.set_write_timeout(config_.io_timeout);
    server_.set_payload_max_length(config_.max_body_bytes);
    const std::size_t max_threads = config_.max_threads;
    server_.new_task_queue = [max_threads] { return new PoolTaskQueue(max_threads); };

    // One catch-all handler per method: routing is an exact-path table in Router, not regexes.
    auto handle = [this](const httplib::Request& req, httplib::Response& res) { serve(req, res); };
    server_.Get(".*", handle);
    server_.Post(".*", handle);
    server_.Put(".*", handle);
    server_.Patch(".*", handle);
    server_.Delete(".*", handle);
    server_.Options(".*", handle);
    // Errors httplib answers itself (malformed request, 413 payload too large, 414, unknown
    // method) get the documented envelope too.
    server_.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request& req, httplib::Response& res) {
          if (!res.body.empty() || res.content_provider_) return httplib::Server::HandlerResponse::Unhandled;
          const std::string request_id = next_request_id();
          write(transport_error(res.status, req.path, request_id), request_id, res);
          return httplib::Server::HandlerResponse::Handled;
        }));
    server_.set_exception_handler([this](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
      const std::string request_id = next_request_id();
      write(transport_error(500, req.path, request_id), request_id, res);
    });
  }

  static std::string transport_error_message(int status) {
    switch (status) {
      case 413: return "Request body too large.";
      case 414: return "Request URI too long.";
      case 404: return "Unknown path.";
      case 500: return "siraya-mock internal error";
      default:
        return "Malformed HTTP request: check the request line, the headers and the body framing "
               "(a request with a body needs Content-Length or chunked transfer encoding).";
    }
  }

  // An error the transport answers itself, in the envelope of the path: the superset body on
  // /v1/messages (reference README §4.3), the gateway envelope elsewhere.
  static ResponsePlan transport_error(int status, const std::string& path, const std::string& request_id) {
    const ApiError error{status, transport_error_message(status), std::nullopt, {}};
    if (path == "/v1/messages") return messages::error_plan(error, request_id);
    return error_plan(error);
  }

  std::string next_request_id() {
    generation::Rng rng(generation::mix64(config_.seed) ^ request_counter_.fetch_add(1, std::memory_order_relaxed));
    return generation::make_id("req_", rng, 24, generation::kHex);
  }

  void serve(const httplib::Request& req, httplib::Response& res) {
    Request request;
    request.method = req.method;
    request.path = endpoint_path(req.path);  // a base-path prefix before /v1/ dropped
    if (const auto q = req.target.find('?'); q != std::string::npos) request.query = req.target.substr(q + 1);
    request.request_id = next_request_id();
    request.headers.reserve(req.headers.size());
    for (const auto& [name, value] : req.headers) request.headers.emplace_back(lower(name), value);
    if (req.body.size() > config_.max_body_bytes) {  // chunked uploads bypass httplib's own limit
      write(transport_error(413, request.path, request.request_id), request.request_id, res);
      return;
    }
    request.body = req.body;
    ResponsePlan plan = handler_(request);
    const int sock = t_connection;
    if (plan.first_byte_delay.count() > 0 && !server_.pause(sock, plan.first_byte_delay)) {
      // The server stops or the client left while waiting: nobody to answer.
      plan.ending = Ending::close;
      plan.end_after.reset();
    }
    if (plan.ending != Ending::complete && !plan.end_after) {
      // No byte at all; httplib's attempt to write the (empty) response then fails.
      end_connection(plan.ending, plan.stall_for, sock);
      return;
    }
    write(std::move(plan), request.request_id, res);
  }

  // Ends the response early as `ending` says (a fault): always returns false, the value a content
  // provider returns to make httplib drop the connection without ending the body.
  bool end_connection(Ending ending, std::chrono::milliseconds stall_for, int sock) const {
    switch (ending) {
      case Ending::reset: reset_connection(sock); return false;
      case Ending::stall: server_.pause(sock, stall_for); break;
      case Ending::close:
      case Ending::complete: break;
    }
    ::shutdown(sock, SHUT_RDWR);  // FIN; the connection loop closes the descriptor
    return false;
  }

  void write(ResponsePlan plan, const std::string& request_id, httplib::Response& res) {
    res.status = plan.status;
    for (const auto& [name, value] : plan.headers) res.set_header(name, value);
    res.set_header("x-request-id", request_id);
    res.set_header("request-id", request_id);
    if (!plan.streaming) {
      res.set_header("Content-Type", plan.content_type);
      if (plan.ending == Ending::complete || !plan.end_after) {
        res.body = std::move(plan.body);
        return;
      }
      // Cut short (a fault): Content-Length announces the whole body, end_after bytes follow.
      auto body = std::make_shared<std::string>(std::move(plan.body));
      const std::size_t cut = std::min(*plan.end_after, body->size());
      const int sock = t_connection;
      res.set_content_provider(body->size(), plan.content_type,
                               [this, body, cut, sock, ending = plan.ending, stall_for = plan.stall_for](
                                   std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                 if (offset < cut) return sink.write(body->data() + offset, cut - offset);
                                 return end_connection(ending, stall_for, sock);
                               });
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    struct Cursor {
      std::vector<std::string> events;
      std::vector<std::chrono::milliseconds> delays;  // before events[i]
      std::size_t next = 0;
      Ending ending = Ending::complete;
      std::size_t end_after = 0;  // with ending != complete: events sent before it
      std::chrono::milliseconds stall_for{0};
      int sock = -1;
      std::shared_ptr<EventSource> source;  // pulled after `events`
    };
    auto cursor = std::make_shared<Cursor>(Cursor{std::move(plan.events), std::move(plan.event_delays), 0, plan.ending,
                                                  plan.end_after.value_or(0), plan.stall_for, t_connection,
                                                  std::move(plan.source)});
    // One event per call and per write: httplib sends each sink.write as one chunk right away
    // (no buffering; TCP_NODELAY sends it without delay), so every event is flushed on its own.
    // A delay waits in this connection's own worker, so it holds up no other connection.
    res.set_chunked_content_provider(plan.content_type, [cursor, this](std::size_t, httplib::DataSink& sink) {
      Cursor& c = *cursor;
      if (server_.stopping()) return false;  // stop(): end open streams
      if (c.ending != Ending::complete && (c.next >= c.end_after || c.next == c.events.size())) {
        return end_connection(c.ending, c.stall_for, c.sock);
      }
      if (c.next < c.events.size()) {
        if (c.next < c.delays.size() && c.delays[c.next].count() > 0 && !server_.pause(c.sock, c.delays[c.next])) {
          return false;  // the server stops or the client left
        }
        const std::string& event = c.events[c.next++];
        return sink.write(event.data(), event.size());
      }
      if (c.source) {
        // An empty chunk would end the chunked body ("0\r\n\r\n"): never written.
        for (auto chunk = c.source->next(); chunk; chunk = c.source->next()) {
          if (!chunk->empty()) return sink.write(chunk->data(), chunk->size());
        }
        if (!c.source->complete()) return end_connection(Ending::close, {}, c.sock);
      }
      sink.done();
      return true;
    });
  }

  HttpConfig config_;
  Handler handler_;
  TunedServer server_;
  int port_ = 0;
  std::atomic<std::uint64_t> request_counter_{0};
  std::mutex mutex_;
  std::thread thread_;
  bool started_ = false;
  bool stopped_ = false;
};

}  // namespace

core::Result<std::unique_ptr<HttpServer>> HttpServer::bind(const HttpConfig& config, Handler handler) {
  auto server = std::make_unique<HttplibServer>(config, std::move(handler));
  if (auto bound = server->bind(); !bound) return core::Unexpected<core::Error>(bound.error());
  return std::unique_ptr<HttpServer>(std::move(server));
}

}  // namespace siraya::mock
