#pragma once
// Writing a report file at the end of a run (JUnit, JSON, Markdown).
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace siraya::harness {

// Writes `content` to `path` (replacing it); Error "report.io" naming the report when that fails.
std::optional<core::Error> write_report_file(const std::string& path, std::string_view content,
                                             std::string_view report_name);

}  // namespace siraya::harness
