#pragma once
// One case: the resolved request, then send + checks + outcome.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/http/client.h"
#include "core/schema/registry.h"
#include "harness/checks/profile.h"
#include "harness/runner/case_result.h"
#include "harness/suite/suite.h"
#include "harness/suite/variables.h"

namespace siraya::harness {

struct PreparedCase {
  const Suite* suite = nullptr;
  const Case* test_case = nullptr;
  core::http::Request request;
  std::optional<nlohmann::json> body;  // the resolved JSON body, when the case has one
  std::optional<core::Error> error;    // resolution failed: the case ends as an error
};

// Resolves variables in the request. Not thread-safe (Variables learns secrets while resolving).
PreparedCase prepare_case(const Suite& suite, const Case& test_case, const Variables& variables);

// Judges one response (no I/O): the composition of every check for this case.
CaseResult judge(const PreparedCase& prepared, const core::http::Response& response,
                 const core::schema::Registry& schemas, Profile profile);

// Sends the prepared request and judges the response. Thread-safe.
CaseResult execute_case(const PreparedCase& prepared, core::http::Client& client,
                        const core::schema::Registry& schemas, Profile profile);

}  // namespace siraya::harness
