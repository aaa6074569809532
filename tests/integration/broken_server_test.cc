// A server broken on purpose, one way per variant (selected by the first path segment of the
// base URL): the harness must fail the case with the check id that names the breakage.
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_OPENSSL_SUPPORT
#endif
#include <httplib.h>

#include <gtest/gtest.h>

#include <thread>

#include "core/schema/registry.h"
#include "harness/runner/runner.h"
#include "harness/suite/loader.h"

namespace siraya::harness {
namespace {

using nlohmann::json;

std::string chunk(const std::string& id, const json& delta, const json& finish) {
  json c = {{"id", id}, {"object", "chat.completion.chunk"}, {"created", 1761200000}, {"model", "openai/gpt-4o"},
            {"choices", json::array({{{"index", 0}, {"delta", delta}, {"finish_reason", finish}}})}};
  return c.dump();
}

// The data lines of a valid stream; variants mutate them.
std::vector<std::string> valid_events(const std::string& second_id = "chatcmpl-1") {
  return {chunk("chatcmpl-1", {{"role", "assistant"}, {"content", ""}}, nullptr),
          chunk("chatcmpl-1", {{"content", "Hello"}}, nullptr),
          chunk(second_id, {{"content", " there"}}, nullptr),
          chunk(second_id, json::object(), "stop"), "[DONE]"};
}

std::string frame(const std::vector<std::string>& events, const std::string& separator = "\n\n") {
  std::string body;
  for (const auto& e : events) body += "data: " + e + separator;
  return body;
}

class BrokenServer {
 public:
  BrokenServer() {
    server_.Post(R"(/([a-z_]+)/v1/chat/completions)", [](const httplib::Request& req, httplib::Response& res) {
      const std::string variant = req.matches[1];
      const std::string stream_type = "text/event-stream";
      if (variant == "no_done") {
        auto events = valid_events();
        events.pop_back();
        res.set_content(frame(events), stream_type);
      } else if (variant == "id_changes") {
        res.set_content(frame(valid_events("chatcmpl-2")), stream_type);
      } else if (variant == "no_blank_lines") {
        res.set_content(frame(valid_events(), "\n"), stream_type);
      } else if (variant == "truncated_json") {
        auto events = valid_events();
        events[1] = events[1].substr(0, events[1].size() / 2);
        res.set_content(frame(events), stream_type);
      } else if (variant == "text_plain") {
        res.set_content(frame(valid_events()), "text/plain");
      } else if (variant == "cut_stream") {
        // Two events, then the provider fails: the chunked body never gets its last chunk.
        res.set_chunked_content_provider(stream_type, [](size_t offset, httplib::DataSink& sink) {
          if (offset > 0) return false;
          auto events = valid_events();
          const std::string body = frame({events[0], events[1]});
          sink.write(body.data(), body.size());
          return true;
        });
      } else if (variant == "flat_error") {
        res.status = 400;
        res.set_content(R"({"message": "temperature must be between 0 and 2", "code": 400})", "application/json");
      } else if (variant == "ok_status_on_error") {
        res.status = 200;
        res.set_content(R"({"error": {"message": "temperature must be between 0 and 2", "type": "invalid_request_error", "param": "temperature", "code": 400}})",
                        "application/json");
      } else if (variant == "buffered") {
        // The whole stream at once, with a Content-Length (reference README §5 rules 7-8).
        res.set_content(frame(valid_events()), stream_type);
      } else {
        // Valid: one chunk per event, as a streaming server flushes them.
        res.set_chunked_content_provider(stream_type, [](size_t offset, httplib::DataSink& sink) {
          if (offset > 0) {
            sink.done();
            return true;
          }
          for (const auto& e : valid_events()) {
            const std::string event = frame({e});
            if (!sink.write(event.data(), event.size())) return false;
          }
          return true;
        });
      }
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~BrokenServer() {
    server_.stop();
    thread_.join();
  }
  std::string base_url(const std::string& variant) const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/" + variant + "/v1";
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

const char* kSuite = R"({
  "version": 1, "name": "broken/probe",
  "cases": [
    {"id": "stream", "request": {"method": "POST", "path": "/chat/completions",
      "body": {"model": "openai/gpt-4o", "stream": true, "messages": [{"role": "user", "content": "Hi"}]}},
     "expect": {"status": 200}},
    {"id": "invalid", "request": {"method": "POST", "path": "/chat/completions",
      "body": {"model": "openai/gpt-4o", "temperature": 3, "messages": [{"role": "user", "content": "Hi"}]}},
     "expect": {"status": 400, "error": {"param": "temperature"}}}
  ]})";

class Collect : public Reporter {
 public:
  void on_start(const RunInfo&) override {}
  void on_case(const CaseResult& r) override { results.push_back(r); }
  void on_finish(const RunSummary&) override {}
  std::vector<CaseResult> results;
};

struct Variant {
  const char* name;
  const char* case_id;
  const char* check_id;
};

class BrokenServerTest : public ::testing::TestWithParam<Variant> {
 protected:
  static void SetUpTestSuite() { server_ = new BrokenServer(); }
  static void TearDownTestSuite() { delete server_; }
  static BrokenServer* server_;
};
BrokenServer* BrokenServerTest::server_ = nullptr;

CaseResult run_case(const std::string& base_url, const std::string& case_id) {
  auto schemas = core::schema::Registry::embedded();
  EXPECT_TRUE(schemas);
  auto suite = SuiteLoader(*schemas).parse(kSuite, "probe.suite.json");
  EXPECT_TRUE(suite) << suite.error().to_string();
  std::erase_if(suite->cases, [&](const Case& c) { return c.id != case_id; });
  RunOptions options;
  options.client.base_url = base_url;
  options.client.timeouts.total = std::chrono::milliseconds(5000);
  Runner runner(options, *schemas, Variables());
  Collect collect;
  std::vector<Suite> suites{std::move(*suite)};
  auto summary = runner.run(suites, {&collect});
  EXPECT_TRUE(summary);
  EXPECT_EQ(collect.results.size(), 1u);
  return collect.results.empty() ? CaseResult{} : collect.results.front();
}

TEST_P(BrokenServerTest, FailsWithTheRightCheckId) {
  const Variant& v = GetParam();
  CaseResult r = run_case(server_->base_url(v.name), v.case_id);
  EXPECT_EQ(r.outcome, Outcome::failed) << v.name;
  bool found = false;
  std::string all;
  for (const auto& f : r.findings) {
    all += "\n  " + f.to_string();
    found = found || (f.id == v.check_id && f.severity == core::Severity::error);
  }
  EXPECT_TRUE(found) << v.name << ": expected " << v.check_id << ", got:" << all;
}

INSTANTIATE_TEST_SUITE_P(Variants, BrokenServerTest,
                         ::testing::Values(Variant{"no_done", "stream", "sse.chat.done_missing"},
                                           Variant{"id_changes", "stream", "sse.chat.id_changed"},
                                           Variant{"no_blank_lines", "stream", "sse.unterminated_event"},
                                           Variant{"truncated_json", "stream", "sse.chat.invalid_json"},
                                           Variant{"text_plain", "stream", "sse.content_type"},
                                           Variant{"cut_stream", "stream", "body.truncated"},
                                           Variant{"flat_error", "invalid", "schema.error"},
                                           Variant{"ok_status_on_error", "invalid", "status.mismatch"}),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST_F(BrokenServerTest, ABufferedStreamPassesWithAWarning) {
  CaseResult r = run_case(server_->base_url("buffered"), "stream");
  EXPECT_EQ(r.outcome, Outcome::passed);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].id, "timing.buffered");
  EXPECT_EQ(r.findings[0].severity, core::Severity::warning);
}

TEST_F(BrokenServerTest, TheUnbrokenVariantPasses) {
  CaseResult r = run_case(server_->base_url("valid"), "stream");
  EXPECT_EQ(r.outcome, Outcome::passed);
  for (const auto& f : r.findings) ADD_FAILURE() << f.to_string();
}

}  // namespace
}  // namespace siraya::harness
