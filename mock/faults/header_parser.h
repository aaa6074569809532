#pragma once
// The x-siraya-mock request header (docs/faults.md):
//   x-siraya-mock = directive *( ( ";" / "," ) directive )
//   directive     = OWS name "=" value OWS        ; no space around "="
// Names and values are the lower-case tokens of mock/faults/directives.h; each name at most once.
// "," is accepted as well as ";" because HTTP joins repeated header lines with "," (RFC 9110 §5.3).
#include <string_view>

#include "core/result.h"
#include "mock/faults/directives.h"

namespace siraya::mock::faults {

inline constexpr std::string_view kControlHeader = "x-siraya-mock";

// Parses the header value strictly. Error id mock.fault_directive, the message naming the bad
// directive by position ("directive 2 ...") and saying what is wrong.
core::Result<Directives> parse_control_header(std::string_view value);

}  // namespace siraya::mock::faults
