#include "mock/generation/ids.h"

namespace siraya::mock::generation {

std::string make_id(std::string_view prefix, Rng& rng, std::size_t n, std::string_view alphabet) {
  std::string id;
  id.reserve(prefix.size() + n);
  id.append(prefix);
  for (std::size_t i = 0; i < n; ++i) id.push_back(alphabet[rng.below(alphabet.size())]);
  return id;
}

}  // namespace siraya::mock::generation
