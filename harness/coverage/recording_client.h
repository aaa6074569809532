#pragma once
// Observed coverage (coverage --run): a client between the runner and the real client that
// records, per case, every status received and the event kinds of every stream, so the report
// says what the target actually sent rather than what the suites expect.
//
// The runner does not tell a client which case a request belongs to, so tag_cases() adds a
// header naming the case to every step; the recording client takes it off again before the
// request leaves, so the target sees exactly what `run` would send.
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/endpoints.h"
#include "core/http/client.h"
#include "harness/coverage/coverage_report.h"
#include "harness/suite/suite.h"

namespace siraya::harness {

inline constexpr std::string_view kCoverageCaseHeader = "x-siraya-coverage-case";

// What one response showed.
struct Observation {
  std::string case_ref;  // "suite#case"; empty when the request carried no case header
  std::string path;      // as requested: "/chat/completions"
  int status = 0;
  core::StreamDialect dialect = core::StreamDialect::none;  // set when the response was a stream
  std::vector<std::string> kinds;  // the stream's event kinds (harness/coverage/stream_kinds.h)
};

// Adds kCoverageCaseHeader: suite#case to every step of every case.
void tag_cases(std::vector<Suite>& suites);

class RecordingClient final : public core::http::Client {
 public:
  explicit RecordingClient(std::shared_ptr<core::http::Client> inner) : inner_(std::move(inner)) {}

  // Sends without the case header and records the response (transport errors record nothing).
  // Thread-safe.
  core::Result<core::http::Response> send(const core::http::Request& request, core::http::Mode mode) override;

  std::vector<Observation> observations() const;

 private:
  std::shared_ptr<core::http::Client> inner_;
  mutable std::mutex mutex_;
  std::vector<Observation> observations_;
};

// Replaces the statuses and event types dimensions with what was observed: every status a case
// received (the non-2xx ones outside the documented list as extras) and every event kind of every
// stream. Covering cases are listed in the order of `suites` (the suites that were run).
void cover_observed(CoverageReport& report, const std::vector<Suite>& suites, std::vector<Observation> observations);

}  // namespace siraya::harness
