#include "harness/report/report_file.h"

#include <fstream>

namespace siraya::harness {

std::optional<core::Error> write_report_file(const std::string& path, std::string_view content,
                                             std::string_view report_name) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << content;
  file.close();
  if (file) return std::nullopt;
  return core::Error{"report.io", "cannot write the " + std::string(report_name) + " report", path,
                     "check that the folder exists and is writable"};
}

}  // namespace siraya::harness
