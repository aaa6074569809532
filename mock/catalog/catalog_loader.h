#pragma once
// Reading a model catalog (schemas/mock/catalog.json) into a Catalog. Every problem is an Error
// with id mock.catalog, location "<file>#<JSON pointer>" and a fix, so that a bad --catalog file
// stops siraya-mock at start-up with a message that points at the offending value.
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "mock/catalog.h"

namespace siraya::core::schema {
class Registry;
}

namespace siraya::mock {

// Parses catalog JSON text. `where` names the document in errors. With `schemas`, the document
// is first validated against mock/catalog.json; the checks the schema cannot express (unique ids
// and aliases, endpoints that fit the type, max_completion_tokens <= context_length) always run.
core::Result<std::shared_ptr<const Catalog>> parse_catalog(std::string_view text, const std::string& where,
                                                           const core::schema::Registry* schemas);

// Reads and parses the file at `path` (see parse_catalog).
core::Result<std::shared_ptr<const Catalog>> load_catalog_file(const std::string& path,
                                                               const core::schema::Registry& schemas);

// The text of the built-in catalog, mock/catalog/default_catalog.json.
std::string_view default_catalog_text();

}  // namespace siraya::mock
