#pragma once
// A recorded answer (docs/record-replay.md): the status, headers and body bytes an upstream sent
// for one request, with the timing of each stream event, as `siraya-mock --record-to` writes it
// into a rule's "reply": {"recorded": {...}} and as replay sends it back byte for byte.
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "mock/http/response_plan.h"

namespace siraya::mock::rules {

struct RecordedEvent {
  std::chrono::milliseconds delay{0};  // since the previous event (the first: since the headers)
  std::string data;                    // the event's bytes as sent, line endings included
};

struct RecordedReply {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  // lower-case names, without content-type
  std::chrono::milliseconds first_byte{0};                   // request sent -> headers
  bool streamed = false;
  std::string body;                    // !streamed: the whole body
  std::vector<RecordedEvent> events;   // streamed: the events in order; their data concatenated is the body
};

// The "recorded" object of schemas/mock/rules.json.
nlohmann::json to_json(const RecordedReply& reply);
// From a "recorded" object that passed the schema.
RecordedReply recorded_from_json(const nlohmann::json& value);

// The plan that sends `reply` again: the same status, headers and bytes; delays divided by
// `speed` (1: as recorded; 2: twice as fast; 0: no delays at all).
ResponsePlan replay_plan(const RecordedReply& reply, double speed);

}  // namespace siraya::mock::rules
