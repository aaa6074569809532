#pragma once
// Profiles decide how severe each check is (harness/checks/catalog.cc):
//  - lenient:  only what breaks clients (the official SDKs) is an error; quirks that real
//              OpenAI-compatible providers show (ids per chunk, role on every chunk, usage on the
//              finish chunk, no usage chunk) are warnings. For checking third-party captures.
//  - standard: the gateway's documented contract; the default.
//  - strict:   standard, plus the SHOULDs of the reference (one data line per event, ...) as errors.
#include <optional>
#include <string_view>

namespace siraya::harness {

enum class Profile { lenient, standard, strict };

std::optional<Profile> parse_profile(std::string_view name);
std::string_view to_string(Profile p);

}  // namespace siraya::harness
