#include "mock/catalog/model_check.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <vector>

#include "core/text/edit_distance.h"
#include "mock/json_fields.h"
#include "mock/json_text.h"

namespace siraya::mock {
namespace {

constexpr std::size_t kListed = 5;  // model ids named in a message

// The served id a mistyped `wanted` most likely meant: the same name without the provider prefix
// ("gpt-4o" -> "openai/gpt-4o"), else the closest id within a few edits; empty when none is close.
std::string_view closest(const Catalog& catalog, std::string_view wanted, std::string_view endpoint_path) {
  std::string_view best;
  std::size_t best_distance = std::max<std::size_t>(3, wanted.size() / 5) + 1;
  for (const auto& m : catalog.models()) {
    if (!m.serves(endpoint_path)) continue;
    const std::string_view id = m.id;
    if (id.substr(id.find('/') + 1) == wanted) return id;
    const std::size_t d = core::edit_distance(wanted, id);
    if (d < best_distance) {
      best_distance = d;
      best = id;
    }
  }
  return best;
}

std::string served_list(const Catalog& catalog, std::string_view endpoint_path) {
  std::string list;
  for (auto id : catalog.ids_serving(endpoint_path, kListed)) list += (list.empty() ? "" : ", ") + std::string(id);
  return list.empty() ? "(none in this catalog)" : list;
}

std::string example_id(const Catalog& catalog, std::string_view endpoint_path) {
  const auto ids = catalog.ids_serving(endpoint_path, 1);
  return ids.empty() ? std::string("provider/model") : std::string(ids.front());
}

ApiError bad_model(std::string message) { return invalid_request(std::move(message), std::string("model")); }

}  // namespace

ModelLookup resolve_model(const nlohmann::json& body, const Catalog& catalog, std::string_view endpoint_path) {
  const nlohmann::json* v = field(body, "model");
  if (!v) return {nullptr, bad_model("Missing required parameter: model")};
  if (!v->is_string() || v->get_ref<const std::string&>().empty()) {
    std::string got = v->is_string() ? "an empty string" : to_json_text(*v);
    if (got.size() > 60) got = got.substr(0, 57) + "...";
    return {nullptr, bad_model("model must be a model id such as \"" + example_id(catalog, endpoint_path) + "\", got " + got)};
  }
  const std::string& id = v->get_ref<const std::string&>();
  const Model* model = catalog.find(id);
  if (!model) {
    const std::string_view near = closest(catalog, id, endpoint_path);
    std::string message = "The model \"" + id + "\" does not exist.";
    if (!near.empty()) message += " Did you mean \"" + std::string(near) + "\"?";
    message += " Models served on " + std::string(endpoint_path) + " include: " + served_list(catalog, endpoint_path) +
               " (GET /v1/models lists them all).";
    return {nullptr, bad_model(std::move(message))};
  }
  if (!model->serves(endpoint_path)) {
    return {nullptr, bad_model("The model \"" + id + "\" is " + (model->type == ModelType::embedding ? "an " : "a ") +
                               std::string(to_string(model->type)) + " model and is not served on " +
                               std::string(endpoint_path) + ". Models served there include: " +
                               served_list(catalog, endpoint_path) + ".")};
  }
  return {model, std::nullopt};
}

std::string_view nearest_model_id(const Catalog& catalog, std::string_view name) {
  std::string_view best;
  std::size_t best_distance = SIZE_MAX;
  for (const auto& m : catalog.models()) {
    const std::string_view id = m.id;
    if (id.substr(id.find('/') + 1) == name) return id;
    std::size_t d = core::edit_distance(name, id);
    for (const auto& alias : m.aliases) d = std::min(d, core::edit_distance(name, alias));
    if (d < best_distance) {
      best_distance = d;
      best = id;
    }
  }
  return best;
}

std::optional<ApiError> check_context_length(const Model& model, std::int64_t prompt_tokens, const std::string& param) {
  if (prompt_tokens <= model.context_length) return std::nullopt;
  return invalid_request(param + " is " + std::to_string(prompt_tokens) + " tokens long, more than the " +
                             std::to_string(model.context_length) + "-token context length of " + model.id +
                             ": shorten it, or choose a model with a longer context (GET /v1/models lists "
                             "context_length).",
                         param);
}

std::optional<ApiError> check_context_length(const Catalog& catalog, std::string_view model, std::int64_t prompt_tokens,
                                             const std::string& param) {
  const Model* m = catalog.find(model);
  assert(m != nullptr && "check_context_length after resolve_model");
  if (!m) return std::nullopt;
  return check_context_length(*m, prompt_tokens, param);
}

}  // namespace siraya::mock
