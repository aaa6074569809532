#pragma once
// What every endpoint handler may read: the server's options, schemas and model catalog.
// Immutable while the server runs, so handlers share it across threads without locks.
#include <memory>

#include "core/schema/registry.h"
#include "mock/catalog.h"
#include "mock/admin/journal.h"
#include "mock/faults/configured_faults.h"
#include "mock/limits/limits.h"
#include "mock/record/upstream_proxy.h"
#include "mock/rules/rule_store.h"
#include "mock/server.h"

namespace siraya::mock {

struct Context {
  Options options;
  std::shared_ptr<const core::schema::Registry> schemas;
  std::shared_ptr<const Catalog> catalog = Catalog::builtin();  // or the --catalog file
  // Credits and rate-limit buckets (the only mutable, internally locked, state); nullptr without
  // a configuration.
  std::shared_ptr<limits::Limits> limits;
  // The configuration's faults and their draws (docs/mock-config.md); nullptr without any.
  std::shared_ptr<faults::ConfiguredFaults> configured_faults;
  // Scripted responses (docs/rules.md); replaced at run time through the admin API.
  std::shared_ptr<rules::RuleStore> rules = std::make_shared<rules::RuleStore>();
  // Record mode's relay to the upstream (docs/record-replay.md); nullptr: the mock answers itself.
  std::shared_ptr<const record::UpstreamProxy> proxy;
  // The admin API's request journal; nullptr while the admin API is off.
  std::shared_ptr<admin::Journal> journal;
  // The matching rule's content for this request, or nullptr: set by the router on a
  // per-request copy (like x-siraya-seed), read by the generative endpoints.
  const rules::Reply* scripted = nullptr;
};

}  // namespace siraya::mock
