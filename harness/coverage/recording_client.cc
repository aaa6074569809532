#include "harness/coverage/recording_client.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/sse/decoder.h"
#include "harness/coverage/stream_kinds.h"
#include "harness/coverage/suite_coverage.h"

namespace siraya::harness {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Suite strings are resolved before sending: "${" must stay literal.
std::string literal(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "${") == 0) out += '$';
    out += text[i];
  }
  return out;
}

bool is_event_stream(const core::http::Response& response) {
  auto type = response.header("content-type");
  if (!type) return false;
  std::string lower = *type;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower.find("text/event-stream") != std::string::npos;
}

}  // namespace

void tag_cases(std::vector<Suite>& suites) {
  for (auto& suite : suites) {
    for (auto& c : suite.cases) {
      const std::string ref = literal(case_ref(suite, c));
      for (auto& step : c.steps) step.request.headers.emplace_back(std::string(kCoverageCaseHeader), ref);
    }
  }
}

core::Result<core::http::Response> RecordingClient::send(const core::http::Request& original, core::http::Mode mode) {
  core::http::Request request = original;
  Observation seen;
  std::erase_if(request.headers, [&](const auto& h) {
    if (!iequals(h.first, kCoverageCaseHeader)) return false;
    seen.case_ref = h.second;
    return true;
  });
  auto outcome = inner_->send(request, mode);
  if (!outcome) return outcome;
  seen.path = request.path;
  seen.status = outcome->status;
  const core::Endpoint* endpoint = core::find_endpoint_by_path("/v1" + request.path.substr(0, request.path.find('?')));
  if (endpoint != nullptr && endpoint->dialect != core::StreamDialect::none && seen.status < 300 &&
      is_event_stream(*outcome)) {
    seen.dialect = endpoint->dialect;
    seen.kinds = stream_kinds(seen.dialect, core::sse::decode_all(outcome->body).events);
  }
  std::lock_guard lock(mutex_);
  observations_.push_back(std::move(seen));
  return outcome;
}

std::vector<Observation> RecordingClient::observations() const {
  std::lock_guard lock(mutex_);
  return observations_;
}

void cover_observed(CoverageReport& report, const std::vector<Suite>& suites, std::vector<Observation> observations) {
  // Requests finish in any order (--jobs); list the covering cases in suite order.
  std::map<std::string, std::size_t> position;
  for (const auto& suite : suites) {
    for (const auto& c : suite.cases) position.emplace(case_ref(suite, c), position.size());
  }
  auto rank = [&](const Observation& o) {
    auto it = position.find(o.case_ref);
    return it == position.end() ? position.size() : it->second;
  };
  std::stable_sort(observations.begin(), observations.end(),
                   [&](const Observation& a, const Observation& b) { return rank(a) < rank(b); });
  auto& statuses = *report.find(kCoverageStatuses);
  auto& events = *report.find(kCoverageEvents);
  statuses.reset();
  events.reset();
  statuses.basis = "observed: the status of every response received (retries included)";
  events.basis = "observed: the events of every stream received (chat: the kinds of content its chunks carry)";
  for (const auto& o : observations) {
    if (o.case_ref.empty()) continue;  // not sent for a case (tag_cases() tags every step)
    const bool documented = std::find(kDocumentedErrorStatuses.begin(), kDocumentedErrorStatuses.end(), o.status) !=
                            kDocumentedErrorStatuses.end();
    if (documented || o.status < 200 || o.status >= 300) statuses.cover("", std::to_string(o.status), o.case_ref);
    for (const auto& kind : o.kinds) events.cover(core::to_string(o.dialect), kind, o.case_ref);
  }
}

}  // namespace siraya::harness
