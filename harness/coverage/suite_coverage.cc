#include "harness/coverage/suite_coverage.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "harness/coverage/stream_kinds.h"

namespace siraya::harness {

namespace {

using nlohmann::json;

const core::Endpoint* endpoint_for(const std::string& path) {
  return core::find_endpoint_by_path("/v1" + path.substr(0, path.find('?')));
}

const core::Endpoint* endpoint_of(core::StreamDialect dialect) {
  for (const auto& e : core::endpoints()) {
    if (e.dialect == dialect) return &e;
  }
  return nullptr;
}

// As the runner decides (harness/runner/step_judge.cc): expect.stream names the dialect, else a
// literal "stream": true in the body streams in the endpoint's dialect.
core::StreamDialect step_dialect(const Step& step, const core::Endpoint* endpoint, const json* body) {
  if (step.expect.stream) return core::parse_dialect(*step.expect.stream).value_or(core::StreamDialect::none);
  const bool streaming = body != nullptr && body->is_object() && body->contains("stream") && (*body)["stream"] == true;
  return streaming && endpoint != nullptr ? endpoint->dialect : core::StreamDialect::none;
}

bool is_documented_status(int status) {
  return std::find(kDocumentedErrorStatuses.begin(), kDocumentedErrorStatuses.end(), status) !=
         kDocumentedErrorStatuses.end();
}

void add_unique(std::vector<CoverageItem>& items, std::string group, std::string name) {
  auto same = [&](const CoverageItem& i) { return i.group == group && i.name == name; };
  if (std::none_of(items.begin(), items.end(), same)) items.push_back({std::move(group), std::move(name), {}});
}

// The chunk kinds a streamed chat request implies for a conformant server (chat-completions.md
// §8): every stream has a role chunk and a finish chunk; include_usage adds the usage chunk; a
// forced tool choice makes tool-call deltas, and a request without tools (or with tool_choice
// none) makes content. Error chunks cannot be told from the request.
std::vector<std::string_view> implied_chat_kinds(const json* body) {
  std::vector<std::string_view> kinds{"role", "finish"};
  if (body == nullptr || !body->is_object()) return kinds;
  const json& b = *body;
  const json* options = b.contains("stream_options") ? &b["stream_options"] : nullptr;
  if (options != nullptr && options->is_object() && options->value("include_usage", json()) == true) {
    kinds.push_back("usage");
  }
  const bool has_tools = b.contains("tools") && b["tools"].is_array() && !b["tools"].empty();
  const json choice = b.value("tool_choice", json());
  const bool forced = choice == "required" || (choice.is_object() && choice.value("type", json()) == "function");
  if (has_tools && forced) kinds.push_back("tool_calls");
  if (!has_tools || choice == "none") kinds.push_back("content");
  return kinds;
}

void cover_step(CoverageReport& report, const std::string& by, const Step& step) {
  const RequestSpec& request = step.request;
  const core::Endpoint* endpoint = endpoint_for(request.path);
  const bool addressed = endpoint != nullptr && request.method == endpoint->method;
  const json* body = request.body && !request.raw_body ? &*request.body : nullptr;
  const int status = step.expect.status;
  const core::StreamDialect dialect = step_dialect(step, endpoint, body);
  const bool streamed = dialect != core::StreamDialect::none && status < 300;

  if (addressed) {
    report.find(kCoverageEndpoints)->cover("", endpoint_item_name(*endpoint, streamed && endpoint->dialect != core::StreamDialect::none), by);
  }
  if (is_documented_status(status) || status < 200 || status >= 300) {
    report.find(kCoverageStatuses)->cover("", std::to_string(status), by);
  }
  if (addressed && !endpoint->request_schema.empty() && body != nullptr && body->is_object()) {
    for (const auto& [key, _] : body->items()) report.find(kCoverageParameters)->cover(endpoint->name, key, by);
  }
  auto& events = *report.find(kCoverageEvents);
  for (const auto& capture : step.captures) {
    if (capture.source == Capture::Source::event && dialect != core::StreamDialect::none) {
      events.cover(core::to_string(dialect), capture.event, by);
    }
  }
  if (streamed && dialect == core::StreamDialect::chat) {
    for (auto kind : implied_chat_kinds(body)) events.cover("chat", kind, by);
  }
  std::string schema;
  if (streamed) {
    if (const auto* e = endpoint_of(dialect)) schema = e->stream_event_schema;
  } else if (step.expect.schema) {
    schema = *step.expect.schema;
  } else if (endpoint != nullptr) {
    schema = status >= 400 ? endpoint->error_schema : endpoint->response_schema;
  }
  if (!schema.empty()) report.find(kCoverageSchemas)->cover("", schema, by);
}

}  // namespace

std::string endpoint_item_name(const core::Endpoint& endpoint, bool streamed) {
  std::string name = std::string(endpoint.method) + " " + std::string(endpoint.path);
  if (endpoint.dialect == core::StreamDialect::none) return name;
  return name + (streamed ? " (stream)" : " (buffered)");
}

core::Result<CoverageReport> documented_items(const SchemaDocuments& schemas) {
  CoverageDimension endpoints{std::string(kCoverageEndpoints), "endpoints",
                              "static: the method and path of each request; a stream when the runner reads one "
                              "(\"stream\": true or expect.stream, and a 2xx status)",
                              {}, {}};
  CoverageDimension statuses{std::string(kCoverageStatuses), "error statuses", "static: declared by expect.status", {}, {}};
  CoverageDimension parameters{std::string(kCoverageParameters), "request parameters",
                               "static: top-level keys of JSON request bodies (raw_body counts for nothing)", {}, {}};
  CoverageDimension events{std::string(kCoverageEvents), "stream event types",
                           "static: declared by expect/capture (event captures; chat: the chunk kinds a streamed "
                           "request implies); --run observes them",
                           {}, {}};
  CoverageDimension used{std::string(kCoverageSchemas), "schemas",
                         "static: the schema each expected response is checked against", {}, {}};
  for (int s : kDocumentedErrorStatuses) statuses.items.push_back({"", std::to_string(s), {}});
  for (const auto& e : core::endpoints()) {
    if (e.dialect == core::StreamDialect::none) {
      endpoints.items.push_back({"", endpoint_item_name(e, false), {}});
    } else {
      endpoints.items.push_back({"", endpoint_item_name(e, false), {}});
      endpoints.items.push_back({"", endpoint_item_name(e, true), {}});
    }
    if (!e.request_schema.empty()) {
      auto doc = schemas.document(e.request_schema);
      if (!doc) return core::Unexpected<core::Error>(doc.error());
      for (auto& p : top_level_properties(*doc)) parameters.items.push_back({std::string(e.name), std::move(p), {}});
    }
    if (e.dialect == core::StreamDialect::chat) {
      for (auto kind : kChatChunkKinds) events.items.push_back({"chat", std::string(kind), {}});
    } else if (e.dialect != core::StreamDialect::none && !e.stream_event_schema.empty()) {
      auto doc = schemas.document(e.stream_event_schema);
      if (!doc) return core::Unexpected<core::Error>(doc.error());
      for (auto& t : enumerated_event_types(*doc)) {
        events.items.push_back({std::string(core::to_string(e.dialect)), std::move(t), {}});
      }
    }
    for (auto id : {e.response_schema, e.stream_event_schema, e.error_schema}) {
      if (!id.empty()) add_unique(used.items, "", std::string(id));
    }
  }
  CoverageReport report;
  report.dimensions = {std::move(endpoints), std::move(statuses), std::move(parameters), std::move(events),
                       std::move(used)};
  return report;
}

void cover_statically(CoverageReport& report, const std::vector<Suite>& suites) {
  for (const auto& suite : suites) {
    ++report.suites;
    for (const auto& c : suite.cases) {
      ++report.cases;
      const std::string by = case_ref(suite, c);
      for (const auto& step : c.steps) cover_step(report, by, step);
    }
  }
}

core::Result<CoverageReport> analyse_suites(const std::vector<Suite>& suites, const SchemaDocuments& schemas) {
  auto report = documented_items(schemas);
  if (!report) return report;
  cover_statically(*report, suites);
  return report;
}

std::string case_ref(const Suite& suite, const Case& c) { return suite.name + "#" + c.id; }

}  // namespace siraya::harness
