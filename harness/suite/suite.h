#pragma once
// The in-memory form of a suite file (format v1, schemas/harness/suite.schema.json; the authoring
// guide is docs/suite-format.md). Requests and assertion operands keep their ${...} references:
// they are resolved per run, after earlier steps have captured their values.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace siraya::harness {

struct Assertion {
  std::string path;      // JSON Pointer into the body (or the accumulated stream message); "*" segments
                         // match every array element / object member (harness/suite/json_path.h); empty
                         // for the inner assertion of `each` / `any`
  std::string op;        // eq, ne, lt, le, gt, ge, matches, type, exists, absent, length, contains, each, any
  nlohmann::json operand;
  std::vector<Assertion> inner;  // each / any: exactly one assertion without a path
  std::string location;  // "file#/cases/3/expect/assert/0"
};

struct ErrorExpectation {
  std::optional<nlohmann::json> type;   // string or null
  std::optional<nlohmann::json> param;  // string or null
  std::optional<std::string> message_matches;
};

// expect.timing: limits in milliseconds; unset ones are not checked (harness/checks/timing_check.h).
struct TimingLimits {
  std::optional<long> max_ttfb_ms, max_gap_ms, max_total_ms, max_first_event_ms;
};

struct Expectation {
  int status = 200;
  std::optional<std::string> schema;
  std::optional<std::string> stream;  // "none", "chat", "responses", "messages"
  bool stream_error = false;          // the stream must carry the dialect's in-stream error
  std::optional<ErrorExpectation> error;
  std::map<std::string, std::optional<std::string>> headers;  // lower-case name -> regex / absent
  std::vector<Assertion> assertions;
  TimingLimits timing;
};

struct RequestSpec {
  std::string method;
  std::string path;
  std::vector<std::pair<std::string, std::string>> headers;  // defaults merged, unresolved
  std::optional<nlohmann::json> body;                        // unresolved
  std::optional<std::string> raw_body;                       // unresolved
};

// Takes one value from a step's response into a variable that later steps use as ${name}.
struct Capture {
  enum class Source { body, header, event };
  std::string name;
  Source source = Source::body;
  std::string pointer;  // body: into the body or accumulated stream message; event: into the event's data
  std::string header;   // header: the response header's name
  std::string event;    // event: the event's type (its event: field, else its JSON "type")
  std::string location;  // "file#/cases/2/steps/0/capture/response_id"
};

struct Step {
  std::string name;  // optional label shown in reports
  RequestSpec request;
  Expectation expect;
  std::vector<Capture> captures;
  std::string location;  // "file#/cases/2/steps/1"; the case's own location for a single-request case
};

// Per-request limits; unset ones fall back to the run's (command-line) values.
struct StepTimeouts {
  std::optional<std::chrono::milliseconds> connect, first_byte, idle, total;
};

// A case passes when at least `min_passes` of up to `runs` runs pass (nondeterministic live targets).
struct Trials {
  int runs = 1;
  int min_passes = 1;
};

struct Case {
  std::string id;
  std::string name;
  std::vector<std::string> tags;
  std::vector<std::string> required_capabilities;  // "requires": capability names, the suite's defaults included
  StepTimeouts timeouts;              // the suite's defaults merged
  Trials trials;
  std::vector<Step> steps;  // one for a case with a single request; never empty
  std::string location;     // "suites/chat/basic.suite.json#/cases/2"

  // Decided for one run by apply_target() (harness/suite/capabilities.h): the first required
  // capability the target lacks, and whether that fails the case (--strict-capabilities)
  // instead of skipping it.
  std::optional<std::string> missing_capability;
  bool missing_capability_fails = false;
};

struct Suite {
  std::string name;
  std::string description;
  std::string file;  // as given to the loader, or "suites/chat/basic.suite.json" for an embedded one
  std::map<std::string, std::string> variables;
  std::vector<Case> cases;
};

}  // namespace siraya::harness
