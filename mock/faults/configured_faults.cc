#include "mock/faults/configured_faults.h"

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "mock/faults/forced_status.h"
#include "mock/generation/hash.h"

namespace siraya::mock::faults {
namespace {

std::uint64_t request_key(std::uint64_t seed, std::string_view body) {
  return generation::mix64(seed ^ generation::fnv1a(body, 0x6661756c7473ull));
}

// What a fault's match needs from the body, parsed once per request and only when a fault's
// endpoint matches.
struct BodyView {
  const Model* model = nullptr;
  bool stream = false;
};

BodyView read_body(const Request& request, const Catalog& catalog) {
  BodyView view;
  const nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
  if (!body.is_object()) return view;
  if (auto it = body.find("model"); it != body.end() && it->is_string()) {
    view.model = catalog.find(it->get_ref<const std::string&>());
  }
  if (auto it = body.find("stream"); it != body.end() && it->is_boolean()) view.stream = it->get<bool>();
  return view;
}

}  // namespace

double ConfiguredFaults::draw(std::uint64_t seed, std::string_view body, std::size_t index, std::uint64_t occurrence) {
  generation::Rng rng(generation::mix64(request_key(seed, body) ^ generation::mix64(index + 1) ^
                                        generation::mix64(occurrence ^ 0x6472617773ull)));
  return rng.unit();
}

std::uint64_t ConfiguredFaults::next_occurrence(std::size_t index, std::uint64_t key) {
  std::lock_guard lock(mutex_);
  if (seen_.size() >= kMaxTracked) seen_.clear();
  return seen_[{index, key}]++;
}

void ConfiguredFaults::reset() {
  std::lock_guard lock(mutex_);
  seen_.clear();
}

std::optional<ResponsePlan> ConfiguredFaults::apply(const Request& request, const core::Endpoint& endpoint,
                                                    const Catalog& catalog, std::uint64_t seed,
                                                    std::optional<Control>& control) {
  if (control || faults_.empty()) return std::nullopt;
  std::optional<BodyView> body;
  for (std::size_t i = 0; i < faults_.size(); ++i) {
    const config::ConfiguredFault& fault = faults_[i];
    if (!fault.endpoints.empty() &&
        std::find(fault.endpoints.begin(), fault.endpoints.end(), endpoint.path) == fault.endpoints.end()) {
      continue;
    }
    if (!body) body = read_body(request, catalog);
    if (!fault.model.empty() && (!body->model || body->model != catalog.find(fault.model))) continue;
    const Directives applied = for_transport(fault.directives, body->stream);
    if (!applied.acts_on_plan() && !applied.status) continue;
    const double value = draw(seed, request.body, i, next_occurrence(i, request_key(seed, request.body)));
    if (value >= fault.probability) continue;
    control = Control{applied, &endpoint, generation::mix64(seed ^ generation::fnv1a(request.body))};
    if (applied.status) {
      return forced_status_plan(applied, endpoint, request.request_id,
                                "injected by the configuration's faults[" + std::to_string(i) + "]");
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace siraya::mock::faults
