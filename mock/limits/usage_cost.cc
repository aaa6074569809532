#include "mock/limits/usage_cost.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/json/bounded_parse.h"

namespace siraya::mock::limits {
namespace {

using nlohmann::json;

std::int64_t count(const json& usage, const char* a, const char* b) {
  for (const char* key : {a, b}) {
    if (auto it = usage.find(key); it != usage.end() && it->is_number_integer()) return it->get<std::int64_t>();
  }
  return 0;
}

void merge_usage(const json& value, Usage& usage, int depth) {
  if (!value.is_object() || depth > 3) return;
  if (auto it = value.find("usage"); it != value.end() && it->is_object()) {
    usage.input_tokens = std::max(usage.input_tokens, count(*it, "prompt_tokens", "input_tokens"));
    usage.output_tokens = std::max(usage.output_tokens, count(*it, "completion_tokens", "output_tokens"));
  }
  for (const auto& [key, child] : value.items()) {
    if (key != "usage") merge_usage(child, usage, depth + 1);
  }
}

double price(const std::string& decimal) { return decimal.empty() ? 0.0 : std::strtod(decimal.c_str(), nullptr); }

}  // namespace

Usage usage_of(const ResponsePlan& plan) {
  if (plan.usage) return Usage{plan.usage->input_tokens, plan.usage->output_tokens};
  Usage usage;
  if (!plan.streaming) {
    const json body = core::json::parse_bounded(plan.body);
    if (!body.is_discarded()) merge_usage(body, usage, 0);
    return usage;
  }
  for (const auto& frame : plan.events) {
    // Each frame is one encoded SSE event; its data lines carry the JSON.
    std::string_view rest = frame;
    while (!rest.empty()) {
      const auto end = rest.find('\n');
      const std::string_view line = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      if (line.substr(0, 5) != "data:") continue;
      const json data = core::json::parse_bounded(line.substr(line.size() > 5 && line[5] == ' ' ? 6 : 5));
      if (!data.is_discarded()) merge_usage(data, usage, 0);
    }
  }
  return usage;
}

double cost_of(const Usage& usage, const Model& model, const Provider* provider) {
  const Pricing& p = provider && provider->pricing ? *provider->pricing : model.pricing;
  return double(usage.input_tokens) * price(p.prompt) + double(usage.output_tokens) * price(p.completion) +
         price(p.request);
}

}  // namespace siraya::mock::limits
