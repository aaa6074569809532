#include "harness/runner/case_client.h"

#include <algorithm>
#include <cctype>
#include <thread>

namespace siraya::harness {

namespace {

bool has_header(const core::http::Headers& headers, const std::string& name) {
  return std::any_of(headers.begin(), headers.end(), [&](const auto& h) {
    return std::equal(h.first.begin(), h.first.end(), name.begin(), name.end(),
                      [](char a, char b) { return std::tolower(a) == std::tolower(b); });
  });
}

}  // namespace

core::Result<core::http::Response> CaseClient::send(const core::http::Request& original, core::http::Mode mode) {
  core::http::Request request = original;
  // A case's own header wins: a case about a wrong key must keep its wrong key.
  for (const auto& [name, value] : options_.headers) {
    if (!has_header(request.headers, name)) request.headers.emplace_back(name, value);
  }
  last_request_ = request;
  last_mode_ = mode;
  RetryContext context = options_.retry_context;
  std::chrono::milliseconds waited{0};
  for (std::size_t retry = 0;; ++retry) {
    auto outcome = inner_.send(request, mode);
    if (options_.record) exchanges_.push_back({request, mode, outcome, waited});
    context.retry_number = retry;
    auto delay = retry_delay(outcome, options_.retry, context);
    if (!delay) return outcome;
    ++retries_;
    waited = *delay;
    if (options_.sleep) {
      options_.sleep(*delay);
    } else {
      std::this_thread::sleep_for(*delay);
    }
  }
}

}  // namespace siraya::harness
