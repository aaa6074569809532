#pragma once
// The second target of `run --compare-with` (docs/compare.md): which cases both targets can run,
// and how its requests are sent (headers, ${api_key}, TLS and timeouts).
#include <optional>
#include <string>

#include "core/result.h"
#include "core/schema/registry.h"
#include "harness/runner/runner.h"
#include "harness/suite/target.h"

namespace siraya::harness {

struct RunCommand;

// `--compare-with embedded`: a second embedded siraya-mock instead of a URL.
inline constexpr std::string_view kEmbeddedCompareTarget = "embedded";

// Error "usage" for a --compare-* option without --compare-with, or --compare-seed without
// --compare-with embedded; nullopt when the options fit together.
std::optional<core::Error> compare_usage_error(const RunCommand& command);

// Each case runs on both targets, so only the cases both can run: `base` keeps the capabilities
// the compare target also has (by default an embedded mock's, or a live gateway's; explicit
// --capabilities and --profile-file apply to both). Errors as resolve_target's.
core::Result<Target> shared_target(const RunCommand& command, Target base, const core::schema::Registry& schemas);

// --compare-api-key, else the base target's key.
std::string compare_api_key(const RunCommand& command, const std::string& base_api_key);

// The compare target but its base URL and label, which the caller sets (an embedded mock's URL is
// known once it runs): the base options' TLS settings and timeouts, --header with each
// --compare-header in place of a header of the same name, ${api_key} and every --var, and
// --compare-warn-only. Error "usage" for a --compare-header that is not NAME: VALUE.
core::Result<CompareTarget> compare_target(const RunCommand& command, const RunOptions& base,
                                           const std::string& api_key);

}  // namespace siraya::harness
