#include "mock/admin/journal.h"

#include <algorithm>
#include <chrono>

#include "core/json/bounded_parse.h"

namespace siraya::mock::admin {
namespace {

constexpr std::string_view kRedacted = "[redacted]";
// Shorter values are no secrets worth hunting for ("Bearer" alone, "1"): replacing them
// everywhere would mangle the entry.
constexpr std::size_t kShortestSecret = 6;

void add_secret(std::vector<std::string>& secrets, std::string_view value) {
  const auto begin = value.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return;
  const auto end = value.find_last_not_of(" \t");
  value = value.substr(begin, end - begin + 1);
  if (value.size() >= kShortestSecret) secrets.emplace_back(value);
}

// The credentials `request` carries: the values of its secret headers, and the token after the
// scheme ("Bearer sk-..."), which is what a body or an error message would quote. Longest first,
// so that no secret is cut by a shorter one.
std::vector<std::string> secrets_of(const Request& request) {
  std::vector<std::string> secrets;
  for (const auto& [name, value] : request.headers) {
    if (!is_secret_header(name)) continue;
    add_secret(secrets, value);
    if (const auto space = value.find(' '); space != std::string::npos) {
      add_secret(secrets, std::string_view(value).substr(space + 1));
    }
  }
  std::sort(secrets.begin(), secrets.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return secrets;
}

std::string scrub(std::string text, const std::vector<std::string>& secrets) {
  for (const auto& secret : secrets) {
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + kRedacted.size())) {
      text.replace(at, secret.size(), kRedacted);
    }
  }
  return text;
}

}  // namespace

bool is_secret_header(std::string_view n) {
  for (std::string_view word : {"authorization", "key", "token", "secret", "cookie", "password"}) {
    if (n.find(word) != std::string_view::npos) return true;
  }
  return false;
}

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
  const std::vector<std::string> secrets = secrets_of(request);
  for (const auto& [name, value] : request.headers) {
    e.headers.emplace_back(name, is_secret_header(name) ? std::string(kRedacted) : scrub(value, secrets));
  }
  e.body_truncated = request.body.size() > kMaxBody;
  // Scrubbed before the cut, so that no secret is kept in part at the end of a truncated body.
  const std::size_t longest = secrets.empty() ? 0 : secrets.front().size();
  e.body = scrub(request.body.substr(0, kMaxBody + longest), secrets).substr(0, kMaxBody);
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
