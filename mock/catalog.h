#pragma once
// The models the mock serves: one catalog, loaded from JSON (schemas/mock/catalog.json, the
// format is described in docs/model-catalog.md), the built-in default or a user file given with
// --catalog. Every endpoint resolves the request's `model` through it
// (mock/catalog/model_check.h) and GET /v1/models lists it (embeddings-rerank-models.md §3).
// Pricing and providers are kept as data for per-request pricing and provider routing.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace siraya::mock {

enum class ModelType { chat, embedding, rerank };

std::string_view to_string(ModelType type);

// USD per unit as decimal strings, as OpenRouter publishes them [gw-obs] (exact, no float
// rounding); an empty string means "not charged".
struct Pricing {
  std::string prompt;      // per prompt / input token
  std::string completion;  // per completion / output token
  std::string request;     // per request (for rerank: per search unit)
  std::string image;       // per input image
  std::string input_cache_read;
  std::string input_cache_write;
};

// One upstream that serves a model; the first is the preferred one.
struct Provider {
  std::string name;                        // "OpenAI", as reported in `provider` fields
  std::string slug;                        // "openai", as used in routing preferences
  std::int64_t context_length = 0;         // 0: the model's
  std::int64_t max_completion_tokens = 0;  // 0: the model's
  std::optional<Pricing> pricing;          // nullopt: the model's
};

struct Model {
  std::string id;                      // "openai/gpt-4o", what clients put in `model`
  std::vector<std::string> aliases;    // other names accepted in `model`, e.g. "claude-sonnet-4-5"
  std::string name;                    // "OpenAI: GPT-4o"
  std::string owned_by;                // defaults to the provider prefix of `id`
  ModelType type = ModelType::chat;
  std::int64_t created = 0;            // unix seconds
  std::int64_t context_length = 0;     // tokens a prompt may hold
  std::int64_t max_completion_tokens = 0;  // chat models; 0 otherwise
  std::int64_t dimensions = 0;             // embedding models: native vector size; 0 otherwise
  std::vector<std::string> input_modalities;   // "text", "image", "file", "audio", "video"
  std::vector<std::string> output_modalities;  // "text", "embeddings", "scores"
  std::vector<std::string> endpoints;          // paths it is served on: "/v1/chat/completions"
  std::vector<std::string> supported_parameters;
  Pricing pricing;
  std::vector<Provider> providers;  // at least one

  bool serves(std::string_view endpoint_path) const;
  bool supports(std::string_view parameter) const;
  bool accepts(std::string_view modality) const;  // an input modality
};

class Catalog {
 public:
  // The default catalog (mock/catalog/default_catalog.json, embedded at build time).
  static std::shared_ptr<const Catalog> builtin();

  explicit Catalog(std::vector<Model> models) : models_(std::move(models)) {}

  std::span<const Model> models() const { return models_; }
  // By id or alias; nullptr when unknown.
  const Model* find(std::string_view id_or_alias) const;
  // Up to `limit` ids of models served on `endpoint_path`, in catalog order (for messages).
  std::vector<std::string_view> ids_serving(std::string_view endpoint_path, std::size_t limit) const;
  // Up to `limit` ids of the given type, in catalog order.
  std::vector<std::string_view> ids_of(ModelType type, std::size_t limit) const;

 private:
  std::vector<Model> models_;
};

}  // namespace siraya::mock
