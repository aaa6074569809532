#pragma once
// The rules in force: those of the --rules files at start, replaced at run time through the
// admin API (POST /__admin/rules) and restored by POST /__admin/reset. Thread-safe; a request
// keeps the snapshot it matched against even if the rules change meanwhile.
#include <memory>
#include <mutex>

#include "mock/rules/rule.h"

namespace siraya::mock::rules {

class RuleStore {
 public:
  explicit RuleStore(std::shared_ptr<const RuleSet> initial = std::make_shared<const RuleSet>())
      : initial_(initial), current_(std::move(initial)) {}

  std::shared_ptr<const RuleSet> current() const {
    std::lock_guard lock(mutex_);
    return current_;
  }
  void replace(std::shared_ptr<const RuleSet> rules) {
    std::lock_guard lock(mutex_);
    current_ = std::move(rules);
  }
  void reset() { replace(initial_); }

 private:
  const std::shared_ptr<const RuleSet> initial_;
  mutable std::mutex mutex_;
  std::shared_ptr<const RuleSet> current_;
};

}  // namespace siraya::mock::rules
