#pragma once
// The target under test as the suites see it: the capabilities it has (from --capabilities,
// --profile-file, or by default the embedded mock's or the documented gateway's) and the check
// profile a profile file names. apply_target() decides, before a run, which cases the target
// cannot run: those are reported skipped ("unsupported: needs X"), or failed when strict.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/schema/registry.h"
#include "harness/checks/catalog.h"
#include "harness/checks/profile.h"
#include "harness/suite/suite.h"

namespace siraya::harness {

struct TargetOptions {
  std::vector<std::string> capabilities;  // --capabilities a,b,c (repeatable)
  std::string profile_file;               // --profile-file FILE (schemas/harness/target_profile.schema.json)
  bool strict_capabilities = false;       // --strict-capabilities
};

struct Target {
  std::set<std::string> capabilities;
  bool strict = false;
  std::optional<Profile> profile;  // the profile file's "profile", when it names one
  std::string label;               // the profile file's "name", when it has one
  SeverityOverrides severities;    // the profile file's "severities", applied after the profile
};

// Explicit capabilities (--capabilities and the profile file's, together) replace the default,
// which is every capability of the embedded mock, or for a live target every documented gateway
// capability (harness/suite/capabilities.h). Errors: "usage" for an unknown capability name,
// "target.io", "target.parse", "target.invalid" for the profile file (with file#/pointer and a fix).
core::Result<Target> resolve_target(const TargetOptions& options, bool embedded_mock,
                                    const core::schema::Registry& schemas);

// Marks every case that requires a capability the target lacks (Case::missing_capability).
void apply_target(std::vector<Suite>& suites, const Target& target);

}  // namespace siraya::harness
