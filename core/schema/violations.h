#pragma once
// From an instance that failed a compiled schema to findings: valijson's report, reduced by
// explain() and worded by describe(). Private to core/schema/.
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/finding.h"
#include "core/schema/bundle.h"
#include "core/schema/compiled.h"
#include "core/schema/describe.h"

namespace siraya::core::schema::detail {

// The node of `docs` at "<id>#<pointer>", or nullptr.
const nlohmann::json* lookup_in(const Documents& docs, std::string_view path);

// `instrumented` must be compiled from Bundler::bundle(..., true) over `docs`. Never empty:
// when valijson gives no reason (a `false` root), one finding says the value is not allowed.
// May throw std::exception (from std::regex): callers catch.
Findings violations(const Compiled& instrumented, const nlohmann::json& instance, const Documents& docs,
                    const Describe& how);

}  // namespace siraya::core::schema::detail
