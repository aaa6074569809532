#pragma once
// The single include point for valijson. Private to core/schema/: no other part of the project
// includes valijson (design.md, "Dependencies behind narrow seams").
// valijson reports invalid schemas by throwing only when VALIJSON_USE_EXCEPTIONS is set;
// without it, it prints and calls abort(). Every file that includes valijson must agree on it,
// hence this header. Exceptions are caught in core/schema and never leave it.
#ifndef VALIJSON_USE_EXCEPTIONS
#define VALIJSON_USE_EXCEPTIONS 1
#endif

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/constraint_builder.hpp>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
