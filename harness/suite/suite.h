#pragma once
// The in-memory form of a suite file (format v1, schemas/harness/suite.schema.json).
// Everything here is already variable-resolved except the request, which is resolved per run.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace siraya::harness {

struct Assertion {
  std::string path;      // JSON Pointer into the body (or the accumulated stream message)
  std::string op;        // eq, ne, lt, le, gt, ge, matches, type, exists, absent, length, contains
  nlohmann::json operand;
  std::string location;  // "file#/cases/3/expect/assert/0"
};

struct ErrorExpectation {
  std::optional<nlohmann::json> type;   // string or null
  std::optional<nlohmann::json> param;  // string or null
  std::optional<std::string> message_matches;
};

struct Expectation {
  int status = 200;
  std::optional<std::string> schema;
  std::optional<std::string> stream;  // "none", "chat", "responses", "messages"
  std::optional<ErrorExpectation> error;
  std::map<std::string, std::optional<std::string>> headers;  // lower-case name -> regex / absent
  std::vector<Assertion> assertions;
};

struct RequestSpec {
  std::string method;
  std::string path;
  std::vector<std::pair<std::string, std::string>> headers;  // defaults merged, unresolved
  std::optional<nlohmann::json> body;                        // unresolved
  std::optional<std::string> raw_body;                       // unresolved
};

struct Case {
  std::string id;
  std::string name;
  std::vector<std::string> tags;
  int timeout_ms = 0;  // 0: the runner's default
  RequestSpec request;
  Expectation expect;
  std::string location;  // "suites/chat/basic.suite.json#/cases/2"
};

struct Suite {
  std::string name;
  std::string description;
  std::string file;  // as given to the loader, or "<embedded>/chat/basic.suite.json"
  std::map<std::string, std::string> variables;
  std::vector<Case> cases;
};

}  // namespace siraya::harness
