#include "mock/rerank_endpoint.h"

#include "mock/errors.h"
#include "mock/generation/hash.h"
#include "mock/generation/json_hash.h"
#include "mock/generation/ids.h"
#include "mock/json_text.h"
#include "mock/request_body.h"
#include "mock/rerank/relevance.h"
#include "mock/rerank/render.h"
#include "mock/rerank/rerank_request.h"

namespace siraya::mock {

namespace {
constexpr std::string_view kRequestSchema = "rerank/rerank_request.json";
constexpr std::string_view kBodySchema = "rerank/rerank_response.json";

// An image-only document has no text to compare: a low score that depends only on the pair.
double image_score(std::string_view query, std::string_view image) {
  generation::Rng rng(generation::mix64(generation::fnv1a(image, generation::fnv1a(query))));
  return 0.01 + 0.1 * rng.unit();
}
}  // namespace

ResponsePlan handle_rerank(const Context& context, const Request& request) {
  nlohmann::json body;
  if (auto error = parse_json_object(request, body)) return error_plan(*error);
  rerank::RerankRequest req;
  if (auto error = rerank::read_request(body, *context.catalog, req)) return error_plan(*error);
  if (auto error = check_against_schema(*context.schemas, kRequestSchema, body)) return error_plan(*error);

  std::vector<double> scores;
  scores.reserve(req.documents.size());
  for (const auto& doc : req.documents) {
    scores.push_back(doc.text ? rerank::relevance(req.query, *doc.text) : image_score(req.query, *doc.image));
  }
  // The id is a function of (seed, request), like every generated id.
  generation::Rng id_rng(generation::mix64(generation::fnv1a_json(body, context.options.seed ^ 0x72657261ull)));
  rerank::RerankMeta meta;
  meta.id = generation::make_id("gen-rerank-", id_rng, 24);
  meta.provider = req.model->providers.front().name;

  ResponsePlan plan;
  plan.body = rerank::render_body(meta, req, scores);
  plan.body_schema = kBodySchema;
  return plan;
}

}  // namespace siraya::mock
