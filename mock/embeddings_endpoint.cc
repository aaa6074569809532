#include "mock/embeddings_endpoint.h"

#include "mock/embeddings/embedding_request.h"
#include "mock/embeddings/render.h"
#include "mock/embeddings/vectorizer.h"
#include "mock/errors.h"
#include "mock/request_body.h"

namespace siraya::mock {

namespace {
constexpr std::string_view kRequestSchema = "embeddings/embeddings_request.json";
constexpr std::string_view kBodySchema = "embeddings/embedding_list.json";
}  // namespace

ResponsePlan handle_embeddings(const Context& context, const Request& request) {
  nlohmann::json body;
  if (auto error = parse_json_object(request, body)) return error_plan(*error);
  embeddings::EmbeddingRequest req;
  if (auto error = embeddings::read_request(body, *context.catalog, req)) return error_plan(*error);
  if (auto error = check_against_schema(*context.schemas, kRequestSchema, body)) return error_plan(*error);

  std::vector<std::vector<float>> vectors;
  vectors.reserve(req.inputs.size());
  for (const auto& input : req.inputs) {
    vectors.push_back(input.is_tokens ? embeddings::embed_tokens(req.model->id, input.tokens, req.dimensions)
                                      : embeddings::embed_text(req.model->id, input.text, req.dimensions));
  }
  ResponsePlan plan;
  plan.body = embeddings::render_body(req, vectors);
  plan.body_schema = kBodySchema;
  return plan;
}

}  // namespace siraya::mock
