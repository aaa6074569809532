// The suite loader (harness/suite/loader.h) on arbitrary text: parse, schema validation, the
// rules the schema cannot express and the conversion to the in-memory model. Invariants: nothing
// throws, there is a suite exactly when there is no problem, every problem has an id, a location
// and a message, and every loaded case has at least one step.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz/fuzz_support.h"
#include "harness/suite/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace siraya;
  static const harness::SuiteLoader loader(fuzz::registry());
  const std::string text(fuzz::as_text(data, size));

  const harness::CheckedSuite checked = loader.check(text, "suites/fuzz/input.suite.json");
  fuzz::require(checked.suite.has_value() == checked.problems.empty(), "a suite and problems, or neither");
  for (const core::Error& problem : checked.problems) {
    fuzz::require(!problem.id.empty() && !problem.message.empty() && !problem.location.empty(),
                  "a suite problem without an id, a message or a location", problem.to_string());
  }
  if (checked.suite) {
    for (const auto& c : checked.suite->cases) fuzz::require(!c.steps.empty(), "a loaded case without steps", c.location);
  }
  return 0;
}
