#include "mock/faults/control.h"

#include <string>

#include "mock/faults/forced_status.h"
#include "mock/faults/header_parser.h"
#include "mock/faults/injector.h"
#include "mock/generation/hash.h"

namespace siraya::mock::faults {
namespace {

constexpr std::string_view kParam = "header:x-siraya-mock";

ResponsePlan bad_header(const core::Error& error, const core::Endpoint& endpoint, std::string_view request_id) {
  ApiError api{400,
               "Invalid x-siraya-mock header: " + error.message + ". Valid directives: " + std::string(valid_directives()) +
                   ".",
               std::string(kParam),
               {}};
  return endpoint_error_plan(api, endpoint, request_id);
}

}  // namespace

std::optional<ResponsePlan> read_control(const Request& request, const core::Endpoint& endpoint, std::uint64_t seed,
                                         std::optional<Control>& control) {
  std::string value;
  bool present = false;
  for (const auto& [name, v] : request.headers) {
    if (name != kControlHeader) continue;
    if (present) value += ',';
    value += v;
    present = true;
  }
  if (!present) return std::nullopt;
  auto directives = parse_control_header(value);
  if (!directives) return bad_header(directives.error(), endpoint, request.request_id);
  control = Control{std::move(*directives), &endpoint, generation::mix64(seed ^ generation::fnv1a(request.body))};
  if (control->directives.status) return forced_status_plan(control->directives, endpoint, request.request_id);
  return std::nullopt;
}

void apply_control(const Control& control, const Request& request, ResponsePlan& plan) {
  auto applied = inject(control.directives, control.endpoint->dialect, request.request_id, control.jitter_seed, plan);
  if (!applied) plan = bad_header(applied.error(), *control.endpoint, request.request_id);
}

}  // namespace siraya::mock::faults
