// Rules files (mock/rules/rule_loader.h, parse_rules) on arbitrary text; an accepted rule set
// then answers a few requests through the router (matching, scripted and recorded replies,
// rule faults). Invariants: a rejected file is a mock.rules error with a location, and nothing
// a rules file scripts makes the router throw (its own 500 "siraya-mock internal error").
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz/fuzz_support.h"
#include "fuzz/requests.h"
#include "mock/context.h"
#include "mock/router.h"
#include "mock/rules/rule_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace siraya;
  const auto rules = mock::rules::parse_rules(fuzz::as_text(data, size), "rules.json", fuzz::registry().get());
  if (!rules) {
    fuzz::require(rules.error().id == "mock.rules" && !rules.error().location.empty(),
                  "a rejected rules file without the documented error", rules.error().to_string());
    return 0;
  }
  mock::Context context;
  context.options.seed = 7;
  context.options.fixed_clock = 1761200000;
  context.options.replay_speed = 0;  // recorded replies without their waits
  context.schemas = fuzz::registry();
  context.rules = std::make_shared<mock::rules::RuleStore>(*rules);
  const mock::Router router(std::move(context));
  for (const mock::Request& request : fuzz::sample_requests()) {
    const mock::ResponsePlan plan = router.handle(request);
    fuzz::require(plan.body.find("siraya-mock internal error") == std::string::npos,
                  "a rule made the mock fail", plan.body);
  }
  return 0;
}
