#include "mock/config/model_names.h"

#include <string>
#include <vector>

#include "mock/catalog/model_check.h"
#include "mock/config/problems.h"

namespace siraya::mock::config {
namespace {

class Checker {
 public:
  explicit Checker(const Catalog& catalog) : catalog_(catalog) {}

  void check(const std::string& name, const std::string& pointer, bool star_allowed) {
    if ((star_allowed && name == "*") || catalog_.find(name)) return;
    std::string fix = "name a model of the catalog by id or alias (GET /v1/models lists them, docs/model-catalog.md)";
    const std::string_view nearest = nearest_model_id(catalog_, name);
    if (!nearest.empty()) fix = "did you mean \"" + std::string(nearest) + "\"? " + fix;
    if (star_allowed) fix += "; \"*\" stands for every model";
    problems_.push_back({pointer, "unknown model \"" + name + "\": the catalog has no model of that id or alias", fix});
  }

  void check_list(const std::vector<std::string>& names, const std::string& pointer, bool star_allowed) {
    for (std::size_t i = 0; i < names.size(); ++i) check(names[i], pointer + "/" + std::to_string(i), star_allowed);
  }

  const std::vector<Problem>& problems() const { return problems_; }

 private:
  const Catalog& catalog_;
  std::vector<Problem> problems_;
};

}  // namespace

core::Result<void> check_model_names(const Config& config, const Catalog& catalog) {
  Checker checker(catalog);
  checker.check_list(config.down_models, "/upstreams/down_models", false);
  checker.check_list(config.invalid_models, "/upstreams/invalid_models", false);
  checker.check_list(config.moderation.models, "/moderation/models", true);
  for (const auto& [name, latency] : config.latency) checker.check(name, "/latency/" + pointer_token(name), true);
  for (const auto& [name, limit] : config.model_limits) {
    checker.check(name, "/rate_limits/models/" + pointer_token(name), false);
  }
  for (std::size_t i = 0; i < config.faults.size(); ++i) {
    if (!config.faults[i].model.empty()) {
      checker.check(config.faults[i].model, "/faults/" + std::to_string(i) + "/match/model", false);
    }
  }
  if (checker.problems().empty()) return {};
  return report(config.source, checker.problems());
}

}  // namespace siraya::mock::config
