#include "mock/catalog.h"

#include "mock/json_text.h"

namespace siraya::mock {

std::string_view to_string(ModelType type) {
  switch (type) {
    case ModelType::chat: return "chat";
    case ModelType::embedding: return "embedding";
    case ModelType::rerank: return "rerank";
  }
  return "chat";
}

std::string_view Model::owned_by() const {
  const auto slash = id.find('/');
  return slash == std::string_view::npos ? id : id.substr(0, slash);
}

const Catalog& Catalog::builtin() {
  // Created dates are fixed so that responses are reproducible; ids and dates for the first
  // four follow the reference example (§3.2).
  static const Catalog catalog({
      {"openai/gpt-4o", ModelType::chat, "OpenAI: GPT-4o", 1715367049, 128000, 16384, 0,
       "0.0000025", "0.00001"},
      {"openai/gpt-4o-mini", ModelType::chat, "OpenAI: GPT-4o-mini", 1721260800, 128000, 16384, 0,
       "0.00000015", "0.0000006"},
      {"anthropic/claude-sonnet-4.5", ModelType::chat, "Anthropic: Claude Sonnet 4.5", 1759161676,
       1000000, 64000, 0, "0.000003", "0.000015"},
      {"google/gemini-2.5-flash", ModelType::chat, "Google: Gemini 2.5 Flash", 1750172488, 1048576,
       65535, 0, "0.0000003", "0.0000025"},
      {"meta-llama/llama-3.3-70b-instruct", ModelType::chat, "Meta: Llama 3.3 70B Instruct",
       1733506137, 131072, 16384, 0, "0.00000013", "0.0000004"},
      {"openai/text-embedding-3-small", ModelType::embedding, "OpenAI: Text Embedding 3 Small",
       1705948997, 8192, 0, 1536, "0.00000002", "0"},
      {"cohere/rerank-v3.5", ModelType::rerank, "Cohere: Rerank 3.5", 1733097600, 4096, 0, 0,
       "0.000002", "0"},
  });
  return catalog;
}

const Model* Catalog::find(std::string_view id) const {
  for (const auto& m : models_) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

std::vector<std::string_view> Catalog::ids_of(ModelType type, std::size_t limit) const {
  std::vector<std::string_view> ids;
  for (const auto& m : models_) {
    if (m.type == type && ids.size() < limit) ids.push_back(m.id);
  }
  return ids;
}

std::string Catalog::list_body() const {
  OrderedJson data = OrderedJson::array();
  for (const auto& m : models_) {
    OrderedJson item;
    item["id"] = m.id;
    item["object"] = "model";
    item["created"] = m.created;
    item["owned_by"] = m.owned_by();
    item["type"] = to_string(m.type);
    item["name"] = m.name;
    item["context_length"] = m.context_length;
    if (m.type == ModelType::chat) item["max_completion_tokens"] = m.max_completion_tokens;
    if (m.type == ModelType::embedding) item["dimensions"] = m.dimensions;
    item["pricing"] = {{"prompt", m.prompt_price}, {"completion", m.completion_price}};
    data.push_back(std::move(item));
  }
  OrderedJson list;
  list["object"] = "list";
  list["data"] = std::move(data);
  return to_json_text(list);
}

}  // namespace siraya::mock
