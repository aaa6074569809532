#pragma once
// Levenshtein distance, for "did you mean" hints: the nearest path, model id or suite key.
#include <cstddef>
#include <string_view>

namespace siraya::core {

// Insertions, deletions and substitutions (each costing 1) that turn `a` into `b`, byte-wise.
// O(|a| * |b|) time, O(|b|) memory.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace siraya::core
