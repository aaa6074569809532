#include "mock/embeddings/embedding_request.h"

#include "mock/catalog/model_check.h"
#include "mock/generation/token_counter.h"
#include "mock/json_fields.h"
#include "mock/json_text.h"

namespace siraya::mock::embeddings {
namespace {

using nlohmann::json;

constexpr const char* kInputForms =
    "a non-empty string, an array of non-empty strings, an array of token ids or an array of token-id arrays";

std::string got(const json& v) {
  switch (v.type()) {
    case json::value_t::object: return "got an object";
    case json::value_t::array: return "got an array";
    default: {
      std::string text = to_json_text(v);
      if (text.size() > 60) text = text.substr(0, 57) + "...";
      return "got " + text;
    }
  }
}

std::string at(const std::string& base, std::size_t i) { return base + "[" + std::to_string(i) + "]"; }

std::optional<ApiError> read_token_ids(const json& array, const std::string& param, EmbeddingInput& out) {
  if (array.empty()) return invalid_request(param + " must hold at least one token id", param);
  out.is_tokens = true;
  for (std::size_t j = 0; j < array.size(); ++j) {
    const json& id = array[j];
    const bool in_range = id.is_number_unsigned() ? id.get<std::uint64_t>() <= static_cast<std::uint64_t>(kMaxTokenId)
                                                  : id.is_number_integer() && id.get<std::int64_t>() >= 0 &&
                                                        id.get<std::int64_t>() <= kMaxTokenId;
    if (!in_range) {
      return invalid_request(at(param, j) + " must be a token id between 0 and " + std::to_string(kMaxTokenId) +
                                 " (o200k_base), " + got(id),
                             at(param, j));
    }
    out.tokens.push_back(id.get<std::int64_t>());
  }
  out.token_count = static_cast<std::int64_t>(out.tokens.size());
  return std::nullopt;
}

std::optional<ApiError> read_text(const json& value, const std::string& param, EmbeddingInput& out) {
  if (value.get_ref<const std::string&>().empty()) {
    return invalid_request(param + " must not be an empty string", param);
  }
  out.text = value.get<std::string>();
  out.token_count = static_cast<std::int64_t>(generation::count_tokens(out.text));
  return std::nullopt;
}

// One of the four forms of §1.1; the first item of an array decides which form it is.
std::optional<ApiError> read_inputs(const json& input, std::vector<EmbeddingInput>& out) {
  if (input.is_string()) {
    out.emplace_back();
    return read_text(input, "input", out.back());
  }
  if (!input.is_array()) return invalid_request(std::string("input must be ") + kInputForms + ", " + got(input), "input");
  if (input.empty()) return invalid_request("input must not be an empty array", "input");
  if (input.size() > kMaxInputs) {
    return invalid_request("input may hold at most " + std::to_string(kMaxInputs) + " items, got " +
                               std::to_string(input.size()),
                           "input");
  }
  const json& first = input.front();
  if (first.is_number()) {
    out.emplace_back();
    return read_token_ids(input, "input", out.back());
  }
  if (!first.is_string() && !first.is_array()) {
    const std::string hint = first.is_object() ? " (multimodal inputs are not supported by siraya-mock)" : "";
    return invalid_request("input[0] must be a string, a token id or an array of token ids" + hint + ", " + got(first),
                           "input[0]");
  }
  const bool strings = first.is_string();
  for (std::size_t i = 0; i < input.size(); ++i) {
    const json& item = input[i];
    out.emplace_back();
    if (strings && item.is_string()) {
      if (auto e = read_text(item, at("input", i), out.back())) return e;
    } else if (!strings && item.is_array()) {
      if (auto e = read_token_ids(item, at("input", i), out.back())) return e;
    } else {
      const std::string expected = strings ? "a string like input[0]" : "an array of token ids like input[0]";
      return invalid_request(at("input", i) + " must be " + expected + ", " + got(item), at("input", i));
    }
  }
  return std::nullopt;
}

std::optional<ApiError> read_dimensions(const json& body, const Model& model, std::size_t& out) {
  out = static_cast<std::size_t>(model.dimensions);
  const json* v = field(body, "dimensions");
  if (!v) return std::nullopt;
  if (!v->is_number_integer() || (!v->is_number_unsigned() && v->get<std::int64_t>() < 1)) {
    return invalid_request("dimensions must be an integer of at least 1, " + got(*v), "dimensions");
  }
  if (!model.supports("dimensions")) {
    return invalid_request(model.id + " does not support dimensions: its vectors always have " +
                               std::to_string(model.dimensions) + " values; remove dimensions or choose a model that " +
                               "supports it (supported_parameters in GET /v1/models)",
                           "dimensions");
  }
  const bool too_big = v->is_number_unsigned() ? v->get<std::uint64_t>() > static_cast<std::uint64_t>(model.dimensions)
                                               : v->get<std::int64_t>() > model.dimensions;
  if (too_big) {
    return invalid_request("dimensions must be between 1 and " + std::to_string(model.dimensions) + " for " + model.id +
                               ", " + got(*v),
                           "dimensions");
  }
  out = static_cast<std::size_t>(v->get<std::int64_t>());
  return std::nullopt;
}

std::optional<ApiError> check_strings_and_objects(const json& body) {
  for (const char* key : {"user", "input_type"}) {
    const json* v = field(body, key);
    if (v && !v->is_string()) return invalid_request(std::string(key) + " must be a string, " + got(*v), key);
  }
  const json* provider = field(body, "provider");
  if (provider && !provider->is_object()) {
    return invalid_request("provider must be an object of routing preferences, " + got(*provider), "provider");
  }
  return std::nullopt;
}

}  // namespace

std::optional<ApiError> read_request(const json& body, const Catalog& catalog, EmbeddingRequest& out) {
  const ModelLookup lookup = resolve_model(body, catalog, "/v1/embeddings");
  if (lookup.error) return lookup.error;
  out.model = lookup.model;
  out.model_name = body["model"].get<std::string>();

  const json* input = field(body, "input");
  if (!input) return invalid_request(std::string("Missing required parameter: input (") + kInputForms + ")", "input");
  if (auto e = read_inputs(*input, out.inputs)) return e;

  const bool batch = input->is_array() && !input->front().is_number();
  for (std::size_t i = 0; i < out.inputs.size(); ++i) {
    const std::string param = batch ? at("input", i) : "input";
    if (auto e = check_context_length(*out.model, out.inputs[i].token_count, param)) return e;
    out.prompt_tokens += out.inputs[i].token_count;
  }
  if (out.prompt_tokens > kMaxTotalTokens) {
    return invalid_request("The inputs hold " + std::to_string(out.prompt_tokens) + " tokens together, more than the " +
                               std::to_string(kMaxTotalTokens) + " allowed in one request: split the batch",
                           "input");
  }

  if (const json* format = field(body, "encoding_format")) {
    if (*format != "float" && *format != "base64") {
      return invalid_request("encoding_format must be \"float\" or \"base64\", " + got(*format), "encoding_format");
    }
    out.base64 = *format == "base64";
  }
  if (auto e = read_dimensions(body, *out.model, out.dimensions)) return e;
  return check_strings_and_objects(body);
}

}  // namespace siraya::mock::embeddings
