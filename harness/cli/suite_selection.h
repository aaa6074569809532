#pragma once
// Which suites and cases a command works on: loading (embedded, folders, files) and filtering.
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/schema/registry.h"
#include "harness/suite/suite.h"

namespace siraya::harness {

struct RunCommand;

core::Result<std::shared_ptr<const core::schema::Registry>> load_schemas(const RunCommand& command);

// Loads the suites the command names and keeps the cases its filters and tags select
// (suites left without cases are dropped).
core::Result<std::vector<Suite>> select_suites(const RunCommand& command,
                                               std::shared_ptr<const core::schema::Registry> schemas);

}  // namespace siraya::harness
