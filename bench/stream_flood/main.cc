// siraya-stream-flood: opens N connections to a server on 127.0.0.1, sends the same streaming
// request on each and reads every answer to its final `data: [DONE]` (see flood.h). Prints one
// `key=value` line for bench/run.sh and a readable summary on stderr. Exit status 0 when every
// stream completed, 1 otherwise, 2 on bad usage.
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "flood.h"

namespace {

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// Every connection is a file descriptor: lift the soft limit to the hard one.
void raise_fd_limit() {
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Holds many SSE streams open at once against a server on 127.0.0.1"};
  siraya::bench::FloodOptions options;
  std::string body_file, path = "/v1/chat/completions", key;
  std::vector<std::string> headers;
  double deadline_s = 60;
  app.add_option("--port", options.port, "Server port on 127.0.0.1")->required();
  app.add_option("--connections", options.connections, "Streams to open")->check(CLI::Range(1, 1000000));
  app.add_option("--body", body_file, "File with the JSON request body")->required()->check(CLI::ExistingFile);
  app.add_option("--path", path, "Request path");
  app.add_option("--key", key, "Bearer key");
  app.add_option("--header", headers, "Extra header 'Name: value' (repeatable)");
  app.add_option("--deadline", deadline_s, "Seconds before unfinished streams count as failed")->check(CLI::Range(0.1, 3600.0));
  app.add_option("--connect-batch", options.connect_batch, "Connections being set up at once")->check(CLI::Range(1, 100000));
  CLI11_PARSE(app, argc, argv);

  std::ifstream in(body_file, std::ios::binary);
  std::stringstream body;
  body << in.rdbuf();
  std::string request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
  if (!key.empty()) request += "Authorization: Bearer " + key + "\r\n";
  for (const auto& h : headers) request += h + "\r\n";
  request += "Content-Length: " + std::to_string(body.str().size()) + "\r\nConnection: close\r\n\r\n" + body.str();
  options.request = request;
  options.deadline = std::chrono::milliseconds(static_cast<long long>(deadline_s * 1000));
  raise_fd_limit();

  const auto r = siraya::bench::run_flood(options);
  std::size_t failed = 0;
  for (const auto& [why, n] : r.failures) failed += n;
  std::printf("started=%zu completed=%zu failed=%zu peak_open=%zu ttfb_p50_ms=%.1f ttfb_p99_ms=%.1f total_p50_ms=%.1f "
              "total_p99_ms=%.1f wall_ms=%.1f\n",
              r.started, r.completed, failed, r.peak_open_streams, percentile(r.first_byte_ms, 0.5),
              percentile(r.first_byte_ms, 0.99), percentile(r.total_ms, 0.5), percentile(r.total_ms, 0.99), r.wall_ms);
  std::cerr << "streams: " << r.completed << " of " << options.connections << " completed, at most "
            << r.peak_open_streams << " open at once, in " << r.wall_ms << " ms\n";
  for (const auto& [why, n] : r.failures) std::cerr << "  failed: " << n << " x " << why << "\n";
  return r.completed == options.connections ? 0 : 1;
}
