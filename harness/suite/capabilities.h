#pragma once
// Capability names a case can require ("requires") and a target can declare (--capabilities,
// --profile-file). A case whose capability the target lacks is skipped as unsupported, never
// failed (unless --strict-capabilities). Names outside this vocabulary start with "x-".
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace siraya::harness {

struct CapabilityInfo {
  std::string_view name;
  std::string_view summary;
  bool gateway = true;  // part of the documented gateway API (assumed for a live target by default)
};

std::span<const CapabilityInfo> capability_catalog();

// In the catalog, or a custom name starting with "x-".
bool is_known_capability(std::string_view name);

// "a, b, c" for messages.
std::string capability_names();

// What the embedded siraya-mock supports: every capability in the catalog.
std::vector<std::string> embedded_mock_capabilities();
// What a live target is assumed to support when neither --capabilities nor --profile-file says:
// the documented gateway API (everything but the mock's control header).
std::vector<std::string> default_gateway_capabilities();

}  // namespace siraya::harness
