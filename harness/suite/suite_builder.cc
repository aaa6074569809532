#include "harness/suite/suite_builder.h"

#include <algorithm>
#include <string_view>

#include "harness/suite/json_path.h"
#include "harness/suite/suite_rules.h"

namespace siraya::harness {

namespace {

using nlohmann::json;

std::vector<std::pair<std::string, std::string>> header_list(const json& obj) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!obj.is_object()) return out;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (it.value().is_string()) out.emplace_back(it.key(), it.value().get<std::string>());
  }
  return out;
}

bool same_header(const std::string& a, const std::string& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

// Defaults first, then the request's own headers; an own header replaces a default of the same
// name and a null one removes it.
std::vector<std::pair<std::string, std::string>> merge_headers(const json& defaults, const json& own) {
  auto merged = header_list(defaults);
  if (!own.is_object()) return merged;
  for (auto it = own.begin(); it != own.end(); ++it) {
    std::erase_if(merged, [&](const auto& h) { return same_header(h.first, it.key()); });
    if (it.value().is_string()) merged.emplace_back(it.key(), it.value().get<std::string>());
  }
  return merged;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// The one operator key of an assertion object (the schema guarantees exactly one).
Assertion build_assertion(const json& a, std::string location) {
  Assertion out;
  out.path = a.value("path", std::string());
  out.location = std::move(location);
  for (auto op : assertion_operators()) {
    if (!a.contains(op)) continue;
    out.op = std::string(op);
    if (op == "each" || op == "any") {
      out.inner.push_back(build_assertion(a.at(op), out.location + "/" + out.op));
    } else {
      out.operand = a.at(op);
    }
  }
  return out;
}

Expectation build_expectation(const json& exp, const std::string& where) {
  Expectation out;
  out.status = exp.at("status").get<int>();
  if (exp.contains("schema")) out.schema = exp.at("schema").get<std::string>();
  if (exp.contains("stream")) out.stream = exp.at("stream").get<std::string>();
  if (exp.contains("stream_error")) out.stream_error = exp.at("stream_error").get<bool>();
  if (exp.contains("error")) {
    const auto& e = exp.at("error");
    ErrorExpectation ee;
    if (e.contains("type")) ee.type = e.at("type");
    if (e.contains("param")) ee.param = e.at("param");
    if (e.contains("message_matches")) ee.message_matches = e.at("message_matches").get<std::string>();
    out.error = ee;
  }
  if (exp.contains("headers")) {
    for (auto it = exp.at("headers").begin(); it != exp.at("headers").end(); ++it) {
      std::optional<std::string> pattern;
      if (it.value().is_string()) pattern = it.value().get<std::string>();
      out.headers[lower(it.key())] = pattern;
    }
  }
  if (exp.contains("timing")) {
    const json& t = exp.at("timing");
    for (auto [key, limit] : {std::pair{"max_ttfb_ms", &out.timing.max_ttfb_ms},
                              std::pair{"max_first_event_ms", &out.timing.max_first_event_ms},
                              std::pair{"max_gap_ms", &out.timing.max_gap_ms},
                              std::pair{"max_total_ms", &out.timing.max_total_ms}}) {
      if (t.contains(key)) *limit = t.at(key).get<long>();
    }
  }
  if (exp.contains("assert")) {
    std::size_t i = 0;
    for (const auto& a : exp.at("assert")) out.assertions.push_back(build_assertion(a, where + "/assert/" + std::to_string(i++)));
  }
  return out;
}

RequestSpec build_request(const json& req, const json& defaults) {
  RequestSpec out;
  out.method = req.at("method").get<std::string>();
  out.path = req.at("path").get<std::string>();
  out.headers = merge_headers(defaults.value("headers", json::object()), req.value("headers", json::object()));
  if (req.contains("body")) out.body = req.at("body");
  if (req.contains("raw_body")) out.raw_body = req.at("raw_body").get<std::string>();
  return out;
}

std::vector<Capture> build_captures(const json& step, const std::string& where) {
  std::vector<Capture> out;
  if (!step.contains("capture")) return out;
  for (auto it = step.at("capture").begin(); it != step.at("capture").end(); ++it) {
    Capture c;
    c.name = it.key();
    c.location = where + "/capture/" + escape_pointer_segment(it.key());
    const json& source = it.value();
    if (source.contains("header")) {
      c.source = Capture::Source::header;
      c.header = source.at("header").get<std::string>();
    } else if (source.contains("event")) {
      c.source = Capture::Source::event;
      c.event = source.at("event").get<std::string>();
      c.pointer = source.value("path", std::string());
    } else {
      c.source = Capture::Source::body;
      c.pointer = source.at("body").get<std::string>();
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<std::chrono::milliseconds> ms(const json& obj, const char* key) {
  if (!obj.is_object() || !obj.contains(key)) return std::nullopt;
  return std::chrono::milliseconds(obj.at(key).get<long long>());
}

// A case's own value, then the suite default; timeout_ms is timeouts.total_ms.
StepTimeouts build_timeouts(const json& c, const json& defaults) {
  const json own = c.value("timeouts", json::object());
  const json fallback = defaults.value("timeouts", json::object());
  auto pick = [&](const char* key) { return ms(own, key) ? ms(own, key) : ms(fallback, key); };
  StepTimeouts out{pick("connect_ms"), pick("first_byte_ms"), pick("idle_ms"), std::nullopt};
  out.total = ms(own, "total_ms");
  if (!out.total) out.total = ms(c, "timeout_ms");
  if (!out.total) out.total = ms(fallback, "total_ms");
  if (!out.total) out.total = ms(defaults, "timeout_ms");
  return out;
}

Case build_case(const json& c, const json& defaults, const std::string& where) {
  Case out;
  out.location = where;
  out.id = c.at("id").get<std::string>();
  out.name = c.value("name", std::string());
  if (c.contains("tags")) out.tags = c.at("tags").get<std::vector<std::string>>();
  for (const json* list : {&defaults, &c}) {
    if (!list->contains("requires")) continue;
    for (const auto& name : list->at("requires")) {
      if (std::find(out.required_capabilities.begin(), out.required_capabilities.end(), name.get<std::string>()) == out.required_capabilities.end()) {
        out.required_capabilities.push_back(name.get<std::string>());
      }
    }
  }
  out.timeouts = build_timeouts(c, defaults);
  const json trials = c.contains("trials") ? c.at("trials") : defaults.value("trials", json());
  if (trials.is_object()) out.trials = {trials.at("runs").get<int>(), trials.at("min_passes").get<int>()};

  if (c.contains("steps")) {
    std::size_t j = 0;
    for (const auto& s : c.at("steps")) {
      Step step;
      step.location = where + "/steps/" + std::to_string(j++);
      step.name = s.value("name", std::string());
      step.request = build_request(s.at("request"), defaults);
      step.expect = build_expectation(s.at("expect"), step.location + "/expect");
      step.captures = build_captures(s, step.location);
      out.steps.push_back(std::move(step));
    }
  } else {
    Step step;
    step.location = where;
    step.request = build_request(c.at("request"), defaults);
    step.expect = build_expectation(c.at("expect"), where + "/expect");
    out.steps.push_back(std::move(step));
  }
  return out;
}

}  // namespace

Suite build_suite(const json& doc, const std::string& file) {
  Suite suite;
  suite.file = file;
  suite.name = doc.at("name").get<std::string>();
  suite.description = doc.value("description", std::string());
  if (doc.contains("variables")) {
    for (auto it = doc["variables"].begin(); it != doc["variables"].end(); ++it) {
      suite.variables[it.key()] = it.value().is_string() ? it.value().get<std::string>() : it.value().dump();
    }
  }
  const json defaults = doc.value("defaults", json::object());
  std::size_t i = 0;
  for (const auto& c : doc.at("cases")) suite.cases.push_back(build_case(c, defaults, file + "#/cases/" + std::to_string(i++)));
  return suite;
}

}  // namespace siraya::harness
