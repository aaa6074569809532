#include "mock/models.h"

#include "mock/json_text.h"

namespace siraya::mock {
namespace {

OrderedJson pricing_json(const Pricing& p) {
  OrderedJson out;
  out["prompt"] = p.prompt;
  out["completion"] = p.completion;
  if (!p.request.empty()) out["request"] = p.request;
  if (!p.image.empty()) out["image"] = p.image;
  if (!p.input_cache_read.empty()) out["input_cache_read"] = p.input_cache_read;
  if (!p.input_cache_write.empty()) out["input_cache_write"] = p.input_cache_write;
  return out;
}

// OpenRouter's "text+image->text" summary of the modalities.
std::string modality_summary(const Model& m) {
  std::string out;
  for (const auto& s : m.input_modalities) out += (out.empty() ? "" : "+") + s;
  out += "->";
  for (std::size_t i = 0; i < m.output_modalities.size(); ++i) out += (i ? "+" : "") + m.output_modalities[i];
  return out;
}

OrderedJson model_json(const Model& m) {
  OrderedJson item;
  item["id"] = m.id;
  item["object"] = "model";
  item["created"] = m.created;
  item["owned_by"] = m.owned_by;
  item["type"] = to_string(m.type);
  item["name"] = m.name;
  if (!m.aliases.empty()) item["aliases"] = m.aliases;
  item["context_length"] = m.context_length;
  if (m.type == ModelType::chat) item["max_completion_tokens"] = m.max_completion_tokens;
  if (m.type == ModelType::embedding) item["dimensions"] = m.dimensions;
  item["architecture"] = {{"modality", modality_summary(m)},
                          {"input_modalities", m.input_modalities},
                          {"output_modalities", m.output_modalities}};
  item["endpoints"] = m.endpoints;
  item["supported_parameters"] = m.supported_parameters;
  item["pricing"] = pricing_json(m.pricing);
  const Provider& top = m.providers.front();
  OrderedJson top_provider;
  top_provider["name"] = top.name;
  top_provider["context_length"] = top.context_length ? top.context_length : m.context_length;
  if (m.type == ModelType::chat) {
    top_provider["max_completion_tokens"] = top.max_completion_tokens ? top.max_completion_tokens : m.max_completion_tokens;
  }
  item["top_provider"] = std::move(top_provider);
  OrderedJson providers = OrderedJson::array();
  for (const auto& p : m.providers) {
    OrderedJson entry;
    entry["name"] = p.name;
    entry["slug"] = p.slug;
    if (p.context_length) entry["context_length"] = p.context_length;
    if (p.max_completion_tokens) entry["max_completion_tokens"] = p.max_completion_tokens;
    if (p.pricing) entry["pricing"] = pricing_json(*p.pricing);
    providers.push_back(std::move(entry));
  }
  item["providers"] = std::move(providers);
  return item;
}

}  // namespace

std::string model_list_body(const Catalog& catalog) {
  OrderedJson data = OrderedJson::array();
  for (const auto& m : catalog.models()) data.push_back(model_json(m));
  OrderedJson list;
  list["object"] = "list";
  list["data"] = std::move(data);
  return to_json_text(list);
}

ResponsePlan handle_models(const Context& context, const Request&) {
  ResponsePlan plan;
  plan.body = model_list_body(*context.catalog);
  plan.body_schema = "models/model_list.json";
  return plan;
}

}  // namespace siraya::mock
