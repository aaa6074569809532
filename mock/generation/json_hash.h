#pragma once
// Hashes of request fields without building their JSON text: the bytes fed to FNV-1a are exactly
// those of to_json_text() of an object holding the given fields (keys in std::map order), so the
// hash is the same as hashing that text, but a 30 MB attachment is neither copied nor serialised
// into a second 30 MB string.
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

namespace siraya::mock::generation {

// A field of the object to hash; a null value pointer leaves the field out.
using HashField = std::pair<std::string_view, const nlohmann::json*>;

// fnv1a(to_json_text(object of `fields`), h). Keys must be plain ASCII (they are written unescaped).
std::uint64_t fnv1a_object(std::initializer_list<HashField> fields, std::uint64_t h);

// fnv1a(to_json_text(value), h).
std::uint64_t fnv1a_json(const nlohmann::json& value, std::uint64_t h);

}  // namespace siraya::mock::generation
