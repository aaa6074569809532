#include "mock/request_seed.h"

#include <charconv>
#include <string>

namespace siraya::mock {

std::optional<ApiError> read_request_seed(const Request& request, std::uint64_t fallback, std::uint64_t& seed) {
  seed = fallback;
  const auto value = request.header(kSeedHeader);
  if (!value) return std::nullopt;
  std::uint64_t parsed = 0;
  const char* first = value->data();
  const char* last = first + value->size();
  const auto [end, ec] = std::from_chars(first, last, parsed, 10);
  if (value->empty() || ec != std::errc() || end != last) {
    return invalid_request("Invalid " + std::string(kSeedHeader) + " header \"" + std::string(*value) +
                               "\": expected a decimal integer from 0 to 18446744073709551615.",
                           std::string(kSeedHeader));
  }
  seed = parsed;
  return std::nullopt;
}

}  // namespace siraya::mock
