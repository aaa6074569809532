#pragma once
// Every check id the harness can report, with its severity per profile and a one-line summary.
// `siraya-harness checks` prints this table; the README lists it too.
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "core/finding.h"
#include "harness/checks/profile.h"

namespace siraya::harness {

struct CheckInfo {
  std::string_view id;
  core::Severity lenient;
  core::Severity standard;
  core::Severity strict;
  std::string_view summary;
};

std::span<const CheckInfo> check_catalog();
const CheckInfo* find_check(std::string_view id);

// Sets each finding's severity from the catalog for `profile`; ids not in the catalog keep theirs.
void apply_profile(core::Findings& findings, Profile profile);

// A target profile's own severities (its "severities" object), applied after the profile: check id
// -> severity. Lets one target forbid what the profile tolerates (sse.responses.done_sent: error).
using SeverityOverrides = std::map<std::string, core::Severity, std::less<>>;
void apply_overrides(core::Findings& findings, const SeverityOverrides& overrides);

}  // namespace siraya::harness
