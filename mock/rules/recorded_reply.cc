#include "mock/rules/recorded_reply.h"

#include <cmath>

namespace siraya::mock::rules {
namespace {

using nlohmann::json;

std::chrono::milliseconds scaled(std::chrono::milliseconds delay, double speed) {
  if (speed <= 0.0) return std::chrono::milliseconds{0};
  return std::chrono::milliseconds{static_cast<std::int64_t>(std::llround(static_cast<double>(delay.count()) / speed))};
}

}  // namespace

json to_json(const RecordedReply& reply) {
  json out = {{"status", reply.status}, {"content_type", reply.content_type}};
  json headers = json::object();
  for (const auto& [name, value] : reply.headers) headers[name] = value;
  out["headers"] = std::move(headers);
  out["first_byte_ms"] = reply.first_byte.count();
  if (reply.streamed) {
    json events = json::array();
    for (const auto& e : reply.events) events.push_back({{"delay_ms", e.delay.count()}, {"data", e.data}});
    out["events"] = std::move(events);
  } else {
    out["body"] = reply.body;
  }
  return out;
}

RecordedReply recorded_from_json(const json& value) {
  RecordedReply reply;
  reply.status = value.at("status").get<int>();
  reply.content_type = value.value("content_type", std::string("application/json"));
  if (auto it = value.find("headers"); it != value.end()) {
    for (const auto& [name, v] : it->items()) reply.headers.emplace_back(name, v.get<std::string>());
  }
  reply.first_byte = std::chrono::milliseconds{value.value("first_byte_ms", std::int64_t{0})};
  if (auto it = value.find("events"); it != value.end()) {
    reply.streamed = true;
    for (const auto& e : *it) {
      reply.events.push_back(RecordedEvent{std::chrono::milliseconds{e.value("delay_ms", std::int64_t{0})},
                                           e.at("data").get<std::string>()});
    }
  } else {
    reply.body = value.value("body", std::string());
  }
  return reply;
}

ResponsePlan replay_plan(const RecordedReply& reply, double speed) {
  ResponsePlan plan;
  plan.status = reply.status;
  plan.content_type = reply.content_type;
  plan.headers = reply.headers;
  plan.first_byte_delay = scaled(reply.first_byte, speed);
  plan.streaming = reply.streamed;
  if (!reply.streamed) {
    plan.body = reply.body;
    return plan;
  }
  plan.events.reserve(reply.events.size());
  plan.event_delays.reserve(reply.events.size());
  for (const auto& e : reply.events) {
    plan.events.push_back(e.data);
    plan.event_delays.push_back(scaled(e.delay, speed));
  }
  return plan;
}

}  // namespace siraya::mock::rules
