#pragma once
// The models the mock serves (reference embeddings-rerank-models.md §3): the OpenAI core fields
// (id, object, created, owned_by) plus gateway-style extensions the harness uses to tell model
// kinds apart (type, name, context_length, max_completion_tokens, pricing per token as decimal
// strings, as OpenRouter publishes it [gw-obs]).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace siraya::mock {

enum class ModelType { chat, embedding, rerank };

std::string_view to_string(ModelType type);

struct Model {
  std::string_view id;        // "openai/gpt-4o"
  ModelType type = ModelType::chat;
  std::string_view name;      // "OpenAI: GPT-4o"
  std::int64_t created = 0;   // fixed unix seconds
  std::int64_t context_length = 0;
  std::int64_t max_completion_tokens = 0;  // 0 for non-chat models
  std::int64_t dimensions = 0;             // embedding models only
  std::string_view prompt_price;           // USD per token, decimal string
  std::string_view completion_price;

  std::string_view owned_by() const;  // the provider prefix of `id`
};

class Catalog {
 public:
  // The built-in list.
  static const Catalog& builtin();

  explicit Catalog(std::vector<Model> models) : models_(std::move(models)) {}

  std::span<const Model> models() const { return models_; }
  const Model* find(std::string_view id) const;
  // Up to `limit` ids of the given type, in catalog order (for error messages).
  std::vector<std::string_view> ids_of(ModelType type, std::size_t limit) const;
  // GET /v1/models body: {"object":"list","data":[...]}.
  std::string list_body() const;

 private:
  std::vector<Model> models_;
};

}  // namespace siraya::mock
