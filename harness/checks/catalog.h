#pragma once
// Every check id the harness can report, with its severity per profile and a one-line summary.
// `siraya-harness checks` prints this table; the README lists it too.
#include <span>
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

}  // namespace siraya::harness
