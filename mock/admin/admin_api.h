#pragma once
// The admin API under /__admin/ (docs/admin-api.md): off unless the mock runs with
// --admin-token, and then every call needs `Authorization: Bearer <token>`.
//   POST /__admin/reset     journal emptied, rules back to those of the --rules files, credits
//                           and rate-limit buckets as configured, configured-fault draws anew
//   GET  /__admin/requests  the request journal (credentials redacted)
//   GET  /__admin/rules     the rules in force (name and source of each)
//   POST /__admin/rules     replace the rules with the rules file in the body
#include <string>
#include <string_view>

#include "mock/admin/journal.h"
#include "mock/faults/configured_faults.h"
#include "mock/http/request.h"
#include "mock/http/response_plan.h"
#include "mock/limits/limits.h"
#include "mock/rules/rule_store.h"

namespace siraya::core::schema {
class Registry;
}

namespace siraya::mock::admin {

inline constexpr std::string_view kPrefix = "/__admin/";

struct AdminState {
  std::string token;  // never empty when the API is on
  rules::RuleStore& rules;
  Journal& journal;
  const core::schema::Registry& schemas;
  limits::Limits* limits = nullptr;                      // nullptr without a configuration
  faults::ConfiguredFaults* configured_faults = nullptr;  // nullptr without configured faults
};

// `request.path` starts with kPrefix. Errors use the gateway envelope: 401 without the token,
// 404 for an unknown admin path, 405 for a wrong method, 400 for a bad rules file (the message
// is the loader's: source#pointer, what, fix).
ResponsePlan handle_admin(const AdminState& state, const Request& request);

}  // namespace siraya::mock::admin
