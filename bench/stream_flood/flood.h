#pragma once
// An epoll client that holds many SSE streams open at once against one server on loopback, for
// bench/run.sh's "concurrent streams" figure: every connection sends the same POST, reads the
// answer to the end and counts as complete only with status 200 and a final `data: [DONE]`.
// One thread, non-blocking sockets, bounded by a deadline.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace siraya::bench {

struct FloodOptions {
  std::uint16_t port = 0;
  std::size_t connections = 1000;
  std::string request;  // the whole HTTP/1.1 request, sent as is on every connection
  std::chrono::milliseconds deadline{60000};
  std::size_t connect_batch = 512;  // connects in flight before the next batch starts
};

struct FloodResult {
  std::size_t started = 0;
  std::size_t completed = 0;                   // 200 and ended with data: [DONE]
  std::map<std::string, std::size_t> failures;  // reason -> count
  std::size_t peak_open_streams = 0;            // most answers begun and not yet finished at once
  std::vector<double> first_byte_ms;            // per completed stream
  std::vector<double> total_ms;                 // per completed stream
  double wall_ms = 0;
};

FloodResult run_flood(const FloodOptions& options);

}  // namespace siraya::bench
