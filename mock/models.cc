#include "mock/models.h"

namespace siraya::mock {

ResponsePlan handle_models(const Context& context, const Request&) {
  ResponsePlan plan;
  plan.body = context.catalog->list_body();
  plan.body_schema = "models/model_list.json";
  return plan;
}

}  // namespace siraya::mock
