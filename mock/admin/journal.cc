#include "mock/admin/journal.h"

#include <algorithm>
#include <chrono>

#include "core/json/bounded_parse.h"
#include "mock/redactor.h"

namespace siraya::mock::admin {

void Journal::record(const Request& request, const ResponsePlan& plan, std::string_view rule) {
  if (capacity_ == 0) return;
  JournalEntry e;
  e.time_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::system_clock::now().time_since_epoch()).count();
  e.method = request.method;
  e.path = request.path;
  e.request_id = request.request_id;
  // The request's credentials are redacted wherever they appear: a client that quotes its key in
  // a prompt must not find it in the journal.
  const Redactor redactor(request);
  for (const auto& [name, value] : request.headers) {
    e.headers.emplace_back(name, is_credential_header(name) ? std::string(kRedacted) : redactor.apply(value));
  }
  e.body_truncated = request.body.size() > kMaxBody;
  // Redacted before the cut, so that no secret is kept in part at the end of a truncated body.
  e.body = redactor.apply(request.body.substr(0, kMaxBody + redactor.longest())).substr(0, kMaxBody);
  e.status = plan.status;
  e.streaming = plan.streaming;
  e.rule = rule;
  std::lock_guard lock(mutex_);
  e.seq = next_seq_++;
  entries_.push_back(std::move(e));
  while (entries_.size() > capacity_) {
    entries_.pop_front();
    ++dropped_;
  }
}

void Journal::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  next_seq_ = 1;
  dropped_ = 0;
}

nlohmann::json Journal::to_json() const {
  std::lock_guard lock(mutex_);
  nlohmann::json data = nlohmann::json::array();
  for (const auto& e : entries_) {
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : e.headers) {
      // Repeated header lines are joined with ", " (RFC 9110 §5.3).
      if (headers.contains(name)) headers[name] = headers[name].get<std::string>() + ", " + value;
      else headers[name] = value;
    }
    nlohmann::json body = e.body_truncated ? nlohmann::json() : core::json::parse_bounded(e.body);
    if (body.is_discarded() || e.body_truncated) body = e.body;
    if (e.body.empty()) body = nullptr;
    data.push_back({{"seq", e.seq},
                    {"time_ms", e.time_ms},
                    {"method", e.method},
                    {"path", e.path},
                    {"request_id", e.request_id},
                    {"headers", std::move(headers)},
                    {"body", std::move(body)},
                    {"body_truncated", e.body_truncated},
                    {"status", e.status},
                    {"stream", e.streaming},
                    {"rule", e.rule.empty() ? nlohmann::json() : nlohmann::json(e.rule)}});
  }
  return {{"object", "list"}, {"data", std::move(data)}, {"capacity", capacity_}, {"dropped", dropped_}};
}

}  // namespace siraya::mock::admin
