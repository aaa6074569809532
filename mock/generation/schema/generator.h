#pragma once
// The schema-driven instance generator. A value is generated for a *conjunction* of schema nodes
// (everything that applies to it: the node, its allOf members, $ref targets with their siblings,
// the chosen anyOf / oneOf / if branches, the property schemas of every object schema that names
// it), so contradictions between them are found and reported at the keyword that causes them.
// Choices (anyOf / oneOf branches, if/then/else, union types) are tried in turn, backtracking on
// failure, with the Rng drawing the first branch and every value; every value is checked with
// Conformance before it is returned, which is what makes oneOf ("exactly one"), `not` and
// if/then/else hold (a failed check draws again, the last time for the smallest value).
//
// Recursion: past a soft depth (kMinimalDepth values deep, or kMinimalRefs `$ref`s followed on
// the way down) generation turns minimal — required properties only, minItems items, and
// branches without `$ref` first — so recursive schemas (trees, linked lists, JSON values)
// terminate; a schema that has no finite instance fails at kMaxDepth.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "mock/generation/hash.h"
#include "mock/generation/schema/conformance.h"
#include "mock/generation/schema/node.h"

namespace siraya::mock::generation::schema {

inline constexpr int kMinimalDepth = 6;
inline constexpr int kMinimalRefs = 3;
inline constexpr int kMaxDepth = 40;
inline constexpr std::size_t kMaxItems = 1000;       // minItems / minProperties beyond: schema.too_large
inline constexpr std::size_t kMaxSteps = 5000;       // generation work (values, branches, attempts) per instance
inline constexpr std::size_t kMaxChecks = 100000;    // schema nodes checked by Conformance per instance
inline constexpr std::size_t kMaxTextBytes = 1 << 20;  // string bytes in one instance

using Conj = std::vector<Node>;

// Where a value sits: its nesting and how many `$ref`s were followed to reach it.
struct Depth {
  int values = 0;
  int refs = 0;
  bool forced = false;  // a retry asked for the smallest value (see Generator::leaf)
  bool minimal() const { return forced || values >= kMinimalDepth || refs >= kMinimalRefs; }
  Depth inner() const { return Depth{values + 1, refs, forced}; }
};

class Generator {
 public:
  // `root` must have passed lint().
  Generator(const nlohmann::json& root, Rng& rng);

  core::Result<nlohmann::json> generate();

 private:
  // A conjunction with its applicators expanded: `plain` holds every node (each contributes its
  // own keywords), `choices` the anyOf / oneOf / if nodes still to decide.
  struct Flat {
    Conj plain;
    std::vector<std::pair<Node, const char*>> choices;  // node and keyword: "anyOf", "oneOf", "if"
    int refs = 0;
  };

  core::Result<nlohmann::json> value(const Conj& conj, std::string_view name, Depth depth);
  core::Result<void> expand(const Node& node, Flat& flat, int chain);
  core::Result<nlohmann::json> decide(Flat flat, std::string_view name, Depth depth);
  core::Result<nlohmann::json> leaf(const Conj& plain, std::string_view name, Depth depth);
  core::Result<nlohmann::json> of_type(std::string_view type, const Conj& plain, std::string_view name, Depth depth);

  // generator_scalars.cc
  core::Result<nlohmann::json> string_value(const Conj& plain, std::string_view name);
  core::Result<nlohmann::json> number_value(const Conj& plain, std::string_view name, bool integer);
  // generator_objects.cc
  core::Result<nlohmann::json> object_value(const Conj& plain, std::string_view name, Depth depth);
  // generator_arrays.cc
  core::Result<nlohmann::json> array_value(const Conj& plain, std::string_view name, Depth depth);

  bool step();  // false once kMaxSteps is spent

  const nlohmann::json& root_;
  Rng& rng_;
  Conformance conformance_;
  std::size_t steps_ = 0;
  std::size_t text_bytes_ = 0;
};

}  // namespace siraya::mock::generation::schema
