#pragma once
// What every endpoint handler may read: the server's options, schemas and model catalog.
// Immutable while the server runs, so handlers share it across threads without locks.
#include <memory>

#include "core/schema/registry.h"
#include "mock/catalog.h"
#include "mock/server.h"

namespace siraya::mock {

struct Context {
  Options options;
  std::shared_ptr<const core::schema::Registry> schemas;
  const Catalog* catalog = &Catalog::builtin();
};

}  // namespace siraya::mock
