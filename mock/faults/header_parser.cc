#include "mock/faults/header_parser.h"

#include <string>
#include <vector>

namespace siraya::mock::faults {
namespace {

std::string_view trim(std::string_view s) {
  const auto begin = s.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  const auto end = s.find_last_not_of(" \t");
  return s.substr(begin, end - begin + 1);
}

bool is_token_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_token_char(c)) return false;
  }
  return true;
}

}  // namespace

core::Result<Directives> parse_control_header(std::string_view value) {
  Directives directives;
  std::vector<std::string_view> seen;
  std::size_t position = 0;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = value.find_first_of(";,", start);
    const std::string_view piece = trim(value.substr(start, end == std::string_view::npos ? end : end - start));
    ++position;
    const std::string where = "directive " + std::to_string(position);
    if (piece.empty()) {
      return core::fail("mock.fault_directive", where + " is empty (a stray ';' or ',', or an empty header)");
    }
    const std::size_t eq = piece.find('=');
    if (eq == std::string_view::npos) {
      return core::fail("mock.fault_directive", where + " \"" + std::string(piece) + "\" is not name=value");
    }
    const std::string_view name = piece.substr(0, eq);
    const std::string_view val = piece.substr(eq + 1);
    if (!is_token(name) || !is_token(val)) {
      return core::fail("mock.fault_directive",
                        where + " \"" + std::string(piece) +
                            "\": name and value are lower-case letters, digits and '-', without spaces around '='");
    }
    for (auto s : seen) {
      if (s == name) return core::fail("mock.fault_directive", where + " repeats " + std::string(name) + "=");
    }
    seen.push_back(name);
    if (auto set = set_directive(directives, name, val); !set) {
      core::Error e = set.error();
      e.message = where + ": " + e.message;
      return core::Unexpected<core::Error>(std::move(e));
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (auto ok = check_combination(directives); !ok) return core::Unexpected<core::Error>(ok.error());
  return directives;
}

}  // namespace siraya::mock::faults
