#pragma once
// The client one case sends through: adds the run's extra headers (--header), retries what the
// retry policy allows (harness/runner/retry_policy.h), and remembers what was sent and received
// for the reproduce command and transcripts. One per case, used by one thread.
#include <functional>
#include <optional>
#include <vector>

#include "core/http/client.h"
#include "harness/runner/retry_policy.h"

namespace siraya::harness {

// One attempt: the request as sent and what came back.
struct Exchange {
  core::http::Request request;
  core::http::Mode mode = core::http::Mode::buffered;
  core::Result<core::http::Response> outcome = core::fail("http.error", "not sent");
  std::chrono::milliseconds waited{0};  // the retry delay before this attempt
};

struct CaseClientOptions {
  core::http::Headers headers;  // added to every request that has no header of that name
  RetryPolicy retry;
  RetryContext retry_context;   // retry_number is counted by the client
  bool record = false;          // keep every exchange (for transcripts)
  std::function<void(std::chrono::milliseconds)> sleep;  // default: this thread sleeps
};

class CaseClient final : public core::http::Client {
 public:
  CaseClient(core::http::Client& inner, CaseClientOptions options)
      : inner_(inner), options_(std::move(options)) {}

  core::Result<core::http::Response> send(const core::http::Request& request, core::http::Mode mode) override;

  std::size_t retries() const { return retries_; }
  // Every attempt, in order, when recording; empty otherwise.
  const std::vector<Exchange>& exchanges() const { return exchanges_; }
  // The last request sent (run headers included); unset before the first send.
  const std::optional<core::http::Request>& last_request() const { return last_request_; }
  core::http::Mode last_mode() const { return last_mode_; }

 private:
  core::http::Client& inner_;
  CaseClientOptions options_;
  std::size_t retries_ = 0;
  std::vector<Exchange> exchanges_;
  std::optional<core::http::Request> last_request_;
  core::http::Mode last_mode_ = core::http::Mode::buffered;
};

}  // namespace siraya::harness
