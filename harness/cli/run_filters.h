#pragma once
// The selection options `run` and `list` add to suite_selection: endpoint families (--endpoint)
// and CI sharding (--shard i/n).
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "harness/suite/suite.h"

namespace siraya::harness {

struct RunCommand;

// --shard i/n: this machine runs shard `index` (0-based) of `count`.
struct Shard {
  std::size_t index = 0;
  std::size_t count = 1;
};
// "2/4" -> {1, 4}. Error "usage" unless 1 <= i <= n.
core::Result<Shard> parse_shard(std::string_view text);
// A case belongs to one shard by a hash of "suite#case" (FNV-1a 64): stable when cases are added
// or removed elsewhere, and the same on every machine.
bool in_shard(const Suite& suite, const Case& c, const Shard& shard);

// The family of a case: the endpoint its first request addresses ("models", "chat", "embeddings",
// "rerank", "responses", "messages"), or "other" for paths outside the endpoint table.
std::string endpoint_family(const Case& c);
// Comma-separated family names (repeatable option) -> the set. Error "usage" for an unknown name.
core::Result<std::set<std::string>> parse_families(const std::vector<std::string>& values);

// Keeps the cases the command's --endpoint and --shard select; drops suites left empty.
core::Result<void> apply_run_filters(const RunCommand& command, std::vector<Suite>& suites);

}  // namespace siraya::harness
