#include "mock/limits/provider_routing.h"

#include <algorithm>
#include <cstdlib>

namespace siraya::mock::limits {
namespace {

using nlohmann::json;

// Request fields that are model parameters (the names of a catalog entry's supported_parameters).
constexpr const char* kParameters[] = {
    "temperature", "top_p", "top_k", "min_p", "top_a", "frequency_penalty", "presence_penalty",
    "repetition_penalty", "seed", "stop", "max_tokens", "max_completion_tokens", "tools", "tool_choice",
    "response_format", "logprobs", "top_logprobs", "logit_bias", "reasoning", "include_reasoning",
    "structured_outputs", "parallel_tool_calls", "web_search_options", "verbosity"};

std::vector<std::string> slugs(const json& object, const char* key) {
  std::vector<std::string> out;
  const auto it = object.find(key);
  if (it == object.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

bool contains(const std::vector<std::string>& list, const Provider& provider) {
  return std::find(list.begin(), list.end(), provider.slug) != list.end() ||
         std::find(list.begin(), list.end(), provider.name) != list.end();
}

double price_of(const Model& model, const Provider& provider) {
  const Pricing& p = provider.pricing ? *provider.pricing : model.pricing;
  return std::strtod(p.prompt.c_str(), nullptr) + std::strtod(p.completion.c_str(), nullptr);
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

ApiError no_provider(const Model& model, const std::string& why) {
  ApiError e{503, "No provider of " + model.id + " meets the routing requirements: " + why +
                      ". Relax the request's provider object (chat-completions.md §5).",
             std::string("provider"), {}};
  e.headers.emplace_back("retry-after", "1");
  return e;
}

}  // namespace

Routing route_providers(const Model& model, const json& body, const config::Config* config) {
  Routing routing;
  for (const auto& p : model.providers) routing.providers.push_back(&p);
  const auto it = body.find("provider");
  if (it != body.end() && it->is_object()) {
    const json& prefs = *it;
    auto keep = [&routing](auto predicate) { std::erase_if(routing.providers, [&](const Provider* p) { return !predicate(*p); }); };
    const auto only = slugs(prefs, "only");
    if (!only.empty()) keep([&](const Provider& p) { return contains(only, p); });
    const auto ignore = slugs(prefs, "ignore");
    keep([&](const Provider& p) { return !contains(ignore, p); });
    if (prefs.value("data_collection", json()) == "deny" && config) {
      keep([&](const Provider& p) { return !contains(config->collecting_providers, p); });
    }
    std::string unsupported;
    if (prefs.value("require_parameters", json()) == true) {
      for (const char* name : kParameters) {
        if (body.contains(name) && !body[name].is_null() && !model.supports(name)) unsupported = name;
      }
      if (!unsupported.empty()) routing.providers.clear();
    }
    const auto sort = prefs.find("sort");
    const bool by_price = sort != prefs.end() && (*sort == "price" || (sort->is_object() && sort->value("by", json()) == "price"));
    if (by_price) {
      std::stable_sort(routing.providers.begin(), routing.providers.end(),
                       [&](const Provider* a, const Provider* b) { return price_of(model, *a) < price_of(model, *b); });
    }
    const auto order = slugs(prefs, "order");
    if (!order.empty()) {
      std::vector<const Provider*> ordered;
      for (const auto& slug : order) {
        for (const Provider* p : routing.providers) {
          if ((p->slug == slug || p->name == slug) && std::find(ordered.begin(), ordered.end(), p) == ordered.end()) {
            ordered.push_back(p);
          }
        }
      }
      if (prefs.value("allow_fallbacks", json()) != false) {
        for (const Provider* p : routing.providers) {
          if (std::find(ordered.begin(), ordered.end(), p) == ordered.end()) ordered.push_back(p);
        }
      }
      routing.providers = std::move(ordered);
    }
    if (routing.providers.empty()) {
      std::vector<std::string> available;
      for (const auto& p : model.providers) available.push_back(p.slug);
      std::string why = "its providers are " + join(available);
      if (!unsupported.empty()) why = "require_parameters is true and the model does not support \"" + unsupported + "\"";
      routing.error = no_provider(model, why);
      return routing;
    }
  }
  if (config && !config->down_providers.empty()) {
    std::erase_if(routing.providers, [&](const Provider* p) { return contains(config->down_providers, *p); });
    if (routing.providers.empty()) {
      routing.error = ApiError{502, "Every provider that may serve " + model.id + " is down (upstream error).", std::nullopt, {}};
    }
  }
  return routing;
}

}  // namespace siraya::mock::limits
