// The mock's configuration file (mock/config/config_loader.h) on arbitrary text: JSON syntax
// errors with their position (mock/json_syntax.h), schema and semantic checks, model names
// against the built-in catalog; an accepted configuration then serves a few requests (credits,
// rate limits, moderation, latency, configured faults) on a fixed clock. Invariants: a rejected
// file is a mock.config error, and an accepted one never makes the router throw.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz/fuzz_support.h"
#include "fuzz/requests.h"
#include "mock/config/config_loader.h"
#include "mock/config/model_names.h"
#include "mock/context.h"
#include "mock/json_syntax.h"
#include "mock/router.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace siraya;
  const std::string_view text = fuzz::as_text(data, size);
  const auto document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded()) {
    fuzz::require(!mock::json_syntax_error(text).empty(), "invalid JSON without a syntax message");
    return 0;
  }
  auto config = mock::config::parse_config(document, "config.json", *fuzz::registry());
  if (!config) {
    fuzz::require(config.error().id == "mock.config" && !config.error().message.empty(),
                  "a rejected configuration without the documented error", config.error().to_string());
    return 0;
  }
  mock::Context context;
  if (!mock::config::check_model_names(*config, *context.catalog)) return 0;
  auto shared = std::make_shared<const mock::config::Config>(std::move(*config));
  context.options.seed = 7;
  context.options.fixed_clock = 1761200000;
  context.schemas = fuzz::registry();
  const auto now = std::chrono::steady_clock::time_point(std::chrono::hours(1));
  context.limits = std::make_shared<mock::limits::Limits>(shared, 7, [now] { return now; });
  if (!shared->faults.empty()) context.configured_faults = std::make_shared<mock::faults::ConfiguredFaults>(shared->faults);
  context.options.config = shared;
  const mock::Router router(std::move(context));
  for (const mock::Request& request : fuzz::sample_requests()) {
    const mock::ResponsePlan plan = router.handle(request);
    fuzz::require(plan.body.find("siraya-mock internal error") == std::string::npos,
                  "a configuration made the mock fail", plan.body);
  }
  return 0;
}
