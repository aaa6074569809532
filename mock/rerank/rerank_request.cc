#include "mock/rerank/rerank_request.h"

#include "mock/catalog/model_check.h"
#include "mock/generation/token_counter.h"
#include "mock/json_fields.h"
#include "mock/json_text.h"

namespace siraya::mock::rerank {
namespace {

using nlohmann::json;

std::string got(const json& v) {
  if (v.is_object()) return "got an object";
  if (v.is_array()) return "got an array";
  std::string text = to_json_text(v);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return "got " + text;
}

std::string doc_param(std::size_t i) { return "documents[" + std::to_string(i) + "]"; }

std::optional<ApiError> read_document(const json& item, std::size_t i, const Model& model, Document& out) {
  const std::string param = doc_param(i);
  if (item.is_string()) {
    out.was_string = true;
    out.text = item.get<std::string>();
    return std::nullopt;
  }
  if (!item.is_object()) {
    return invalid_request(param + " must be a string or an object with text, " + got(item), param);
  }
  if (const json* text = field(item, "text")) {
    if (!text->is_string()) return invalid_request(param + ".text must be a string, " + got(*text), param + ".text");
    out.text = text->get<std::string>();
  }
  if (const json* image = field(item, "image")) {
    if (!image->is_string() || image->get_ref<const std::string&>().empty()) {
      return invalid_request(param + ".image must be an image URL or data URI, " + got(*image), param + ".image");
    }
    if (!model.accepts("image")) {
      return invalid_request(model.id + " ranks text only; remove " + param + ".image or choose a reranker that accepts "
                                 "images (modalities in GET /v1/models)",
                             param + ".image");
    }
    out.image = image->get<std::string>();
  }
  if (!out.text && !out.image) {
    return invalid_request(param + " must have text" + std::string(model.accepts("image") ? " or image" : ""), param);
  }
  return std::nullopt;
}

std::optional<ApiError> read_top_n(const json& body, RerankRequest& out) {
  out.top_n = out.documents.size();
  const json* v = field(body, "top_n");
  if (!v) return std::nullopt;
  if (!v->is_number_integer() || (!v->is_number_unsigned() && v->get<std::int64_t>() < 1)) {
    return invalid_request("top_n must be an integer of at least 1, " + got(*v), "top_n");
  }
  // Larger values are clamped to the number of documents, as Cohere does (§2.1).
  if (v->get<std::uint64_t>() < out.documents.size()) out.top_n = static_cast<std::size_t>(v->get<std::uint64_t>());
  return std::nullopt;
}

}  // namespace

std::optional<ApiError> read_request(const json& body, const Catalog& catalog, RerankRequest& out) {
  const ModelLookup lookup = resolve_model(body, catalog, "/v1/rerank");
  if (lookup.error) return lookup.error;
  out.model = lookup.model;
  out.model_name = body["model"].get<std::string>();

  const json* query = field(body, "query");
  if (!query) return invalid_request("Missing required parameter: query (the text to rank the documents against)", "query");
  if (!query->is_string()) return invalid_request("query must be a string, " + got(*query), "query");
  if (query->get_ref<const std::string&>().empty()) return invalid_request("query must not be empty", "query");
  out.query = query->get<std::string>();
  out.query_tokens = static_cast<std::int64_t>(generation::count_tokens(out.query));
  if (auto e = check_context_length(*out.model, out.query_tokens, "query")) return e;

  const json* documents = field(body, "documents");
  if (!documents) return invalid_request("Missing required parameter: documents (an array of strings)", "documents");
  if (!documents->is_array()) return invalid_request("documents must be an array, " + got(*documents), "documents");
  if (documents->empty()) return invalid_request("documents must hold at least one document", "documents");
  if (documents->size() > kMaxDocuments) {
    return invalid_request("documents may hold at most " + std::to_string(kMaxDocuments) + " items, got " +
                               std::to_string(documents->size()),
                           "documents");
  }
  for (std::size_t i = 0; i < documents->size(); ++i) {
    Document& doc = out.documents.emplace_back();
    if (auto e = read_document((*documents)[i], i, *out.model, doc)) return e;
    doc.token_count = doc.text ? static_cast<std::int64_t>(generation::count_tokens(*doc.text)) : 0;
    // The model reads the query and one document together.
    const std::string param = doc.was_string ? doc_param(i) : doc_param(i) + ".text";
    if (const std::int64_t pair = out.query_tokens + doc.token_count; pair > out.model->context_length) {
      return invalid_request("The query and " + param + " are " + std::to_string(pair) + " tokens together, more than the " +
                                 std::to_string(out.model->context_length) + "-token context length of " + out.model->id +
                                 ": split the document into shorter passages",
                             param);
    }
  }

  if (auto e = read_top_n(body, out)) return e;
  if (const json* v = field(body, "return_documents")) {
    if (!v->is_boolean()) return invalid_request("return_documents must be a boolean, " + got(*v), "return_documents");
    out.return_documents = v->get<bool>();
  }
  const json* provider = field(body, "provider");
  if (provider && !provider->is_object()) {
    return invalid_request("provider must be an object of routing preferences, " + got(*provider), "provider");
  }
  return std::nullopt;
}

}  // namespace siraya::mock::rerank
