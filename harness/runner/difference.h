#pragma once
// One way in which the same case answered differently on two targets (run --compare-with,
// harness/runner/differential.h). Values are normalised shapes, never ids, timestamps, generated
// text or token counts.
#include <cstddef>
#include <string>

namespace siraya::harness {

struct Difference {
  // "status", "checks", "events", "ending", "tools" or "error".
  std::string aspect;
  std::size_t step = 0;  // 1-based step of a multi-step case; 0 for a single request or the case as a whole
  std::string pointer;   // JSON Pointer into the final object (ending, tools); empty where none applies
  std::string check;     // aspect "checks": the check id that passes on one side and fails on the other
  std::string base;      // the value on the base target (--base-url, or the embedded mock)
  std::string compare;   // the value on the compare target (--compare-with)
  std::string what;      // one sentence naming both values
  bool operator==(const Difference&) const = default;
};

}  // namespace siraya::harness
