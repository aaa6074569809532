#pragma once
// Values that look like what a model would fill in: strings chosen by the property's name
// ("city" -> a city, "path" -> a file path, "command" -> a shell command) or `format`, and number
// ranges chosen by name ("age", "year", "limit"). Secondary to validity: the generator fits these
// to the schema's bounds and falls back to neutral values when they do not fit.
#include <optional>
#include <string>
#include <string_view>

#include "mock/generation/hash.h"

namespace siraya::mock::generation::schema {

// A string in the `format` (JSON Schema validation §7.3: date-time, date, time, duration, email,
// idn-email, hostname, idn-hostname, ipv4, ipv6, uri, uri-reference, iri, iri-reference,
// uri-template, uuid, json-pointer, relative-json-pointer, regex; OpenAPI's byte); nullopt for
// other formats.
std::optional<std::string> format_string(std::string_view format, Rng& rng);

// A string suited to a property called `name` (any length; the caller fits it to the bounds).
std::string named_string(std::string_view name, Rng& rng);

// `n` characters of plausible filler ("lorem"-free words) to pad a string to a minimum length.
std::string filler(std::size_t n, Rng& rng);

struct NumberRange {
  double lo = 0;
  double hi = 100;
  bool cents = false;  // two decimals look natural (prices, amounts)
};
// The range a value for `name` usually falls in.
NumberRange named_range(std::string_view name);

// For a schema that constrains nothing: the type a property called `name` most likely has
// ("count" -> "integer", "enabled" -> "boolean"); "string" otherwise.
std::string_view named_type(std::string_view name);

}  // namespace siraya::mock::generation::schema
