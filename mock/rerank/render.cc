#include "mock/rerank/render.h"

#include <algorithm>
#include <numeric>

#include "mock/json_text.h"

namespace siraya::mock::rerank {

std::string render_body(const RerankMeta& meta, const RerankRequest& request, const std::vector<double>& scores) {
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  order.resize(std::min(order.size(), request.top_n));

  OrderedJson results = OrderedJson::array();
  for (std::size_t index : order) {
    OrderedJson item;
    item["index"] = index;
    item["relevance_score"] = scores[index];
    if (request.return_documents) {
      const Document& doc = request.documents[index];
      OrderedJson document = OrderedJson::object();
      if (doc.text) document["text"] = *doc.text;
      if (doc.image) document["image"] = *doc.image;
      item["document"] = std::move(document);
    }
    results.push_back(std::move(item));
  }
  std::int64_t total_tokens = request.query_tokens;
  for (const auto& doc : request.documents) total_tokens += doc.token_count;
  const std::size_t units = (request.documents.size() + kDocumentsPerSearchUnit - 1) / kDocumentsPerSearchUnit;

  OrderedJson body;
  body["id"] = meta.id;
  body["model"] = request.model_name;
  body["provider"] = meta.provider;
  body["results"] = std::move(results);
  body["usage"] = {{"search_units", units}, {"total_tokens", total_tokens}};
  return to_json_text(body);
}

}  // namespace siraya::mock::rerank
