#pragma once
// A core::http::Client whose answers a test scripts: no network, every request recorded.
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/http/client.h"

namespace siraya::testing {

class ScriptedClient : public core::http::Client {
 public:
  // `call` counts the requests to the same path so far (0 for the first).
  using Handler = std::function<core::Result<core::http::Response>(const core::http::Request&, std::size_t call)>;
  explicit ScriptedClient(Handler handler) : handler_(std::move(handler)) {}

  core::Result<core::http::Response> send(const core::http::Request& request, core::http::Mode mode) override {
    std::size_t call = 0;
    {
      std::lock_guard lock(mutex_);
      call = calls_[request.path]++;
      requests_.push_back(request);
      modes_.push_back(mode);
    }
    return handler_(request, call);
  }

  std::size_t calls(const std::string& path) const {
    std::lock_guard lock(mutex_);
    auto it = calls_.find(path);
    return it == calls_.end() ? 0 : it->second;
  }
  std::vector<core::http::Request> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  Handler handler_;
  mutable std::mutex mutex_;
  std::map<std::string, std::size_t> calls_;
  std::vector<core::http::Request> requests_;
  std::vector<core::http::Mode> modes_;
};

inline core::http::Response json_response(int status, const std::string& body, core::http::Headers extra = {}) {
  core::http::Response r;
  r.status = status;
  r.headers = {{"Content-Type", "application/json"}};
  r.headers.insert(r.headers.end(), extra.begin(), extra.end());
  r.body = body;
  return r;
}

// A streamed response made of these reads, 1 ms apart.
inline core::http::Response stream_response(const std::vector<std::string>& reads) {
  core::http::Response r;
  r.status = 200;
  r.headers = {{"Content-Type", "text/event-stream"}};
  r.first_byte = std::chrono::milliseconds(1);
  for (std::size_t i = 0; i < reads.size(); ++i) {
    r.chunks.push_back({reads[i], std::chrono::milliseconds(2 + static_cast<long>(i))});
    r.body += reads[i];
  }
  r.total = std::chrono::milliseconds(2 + static_cast<long>(reads.size()));
  return r;
}

}  // namespace siraya::testing
