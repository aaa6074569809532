#pragma once
// The request journal of the admin API (docs/admin-api.md): the last `capacity` requests the
// mock answered, oldest first, with credentials redacted (mock/redactor.h). Thread-safe.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock/http/request.h"
#include "mock/http/response_plan.h"

namespace siraya::mock::admin {

struct JournalEntry {
  std::uint64_t seq = 0;    // 1, 2, ... since the start or the last reset
  std::int64_t time_ms = 0;  // Unix time in milliseconds
  std::string method, path, request_id;
  std::vector<std::pair<std::string, std::string>> headers;  // redacted
  std::string body;                                         // at most kMaxBody bytes
  bool body_truncated = false;
  int status = 0;
  bool streaming = false;
  std::string rule;  // the matching rule's name, empty when none
};

class Journal {
 public:
  static constexpr std::size_t kMaxBody = 64 * 1024;
  explicit Journal(std::size_t capacity) : capacity_(capacity) {}

  void record(const Request& request, const ResponsePlan& plan, std::string_view rule);
  void clear();
  // {"object":"list","data":[entry...],"capacity":n,"dropped":n}; an entry's body is its JSON
  // when it parses, else the text.
  nlohmann::json to_json() const;

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::deque<JournalEntry> entries_;
  std::uint64_t next_seq_ = 1;
  std::uint64_t dropped_ = 0;
};

}  // namespace siraya::mock::admin
