#include "harness/cli/run_filters.h"

#include <algorithm>
#include <charconv>

#include "core/endpoints.h"
#include "harness/cli/run_command.h"

namespace siraya::harness {

namespace {

constexpr std::string_view kFamilies[] = {"models", "chat", "embeddings", "rerank", "responses", "messages", "other"};

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

std::optional<std::size_t> parse_count(std::string_view text) {
  std::size_t v = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return v;
}

std::string family_list() {
  std::string out;
  for (auto f : kFamilies) out += (out.empty() ? "" : ", ") + std::string(f);
  return out;
}

}  // namespace

core::Result<Shard> parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  auto i = slash == text.npos ? std::nullopt : parse_count(text.substr(0, slash));
  auto n = slash == text.npos ? std::nullopt : parse_count(text.substr(slash + 1));
  if (!i || !n || *n == 0 || *i == 0 || *i > *n) {
    return core::fail("usage", "--shard \"" + std::string(text) + "\" is not i/n with 1 <= i <= n", "command line",
                      "split a run over 3 machines with --shard 1/3, --shard 2/3 and --shard 3/3");
  }
  return Shard{*i - 1, *n};
}

bool in_shard(const Suite& suite, const Case& c, const Shard& shard) {
  return fnv1a(suite.name + "#" + c.id) % shard.count == shard.index;
}

std::string endpoint_family(const Case& c) {
  if (c.steps.empty()) return "other";
  const std::string& path = c.steps.front().request.path;
  const auto* endpoint = core::find_endpoint_by_path("/v1" + path.substr(0, path.find('?')));
  if (endpoint == nullptr) return "other";
  return endpoint->name == "chat_completions" ? "chat" : std::string(endpoint->name);
}

core::Result<std::set<std::string>> parse_families(const std::vector<std::string>& values) {
  std::set<std::string> out;
  for (const auto& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const auto comma = std::min(value.find(',', start), value.size());
      std::string name = value.substr(start, comma - start);
      start = comma + 1;
      if (name.empty()) continue;
      if (name == "chat_completions") name = "chat";
      if (std::find(std::begin(kFamilies), std::end(kFamilies), name) == std::end(kFamilies)) {
        return core::fail("usage", "--endpoint \"" + name + "\" is not an endpoint family", "command line",
                          "use one or more of " + family_list() + ", e.g. --endpoint chat,responses");
      }
      out.insert(std::move(name));
    }
  }
  return out;
}

core::Result<void> apply_run_filters(const RunCommand& command, std::vector<Suite>& suites) {
  auto families = parse_families(command.endpoints);
  if (!families) return core::Unexpected<core::Error>(families.error());
  std::optional<Shard> shard;
  if (!command.shard.empty()) {
    auto parsed = parse_shard(command.shard);
    if (!parsed) return core::Unexpected<core::Error>(parsed.error());
    shard = *parsed;
  }
  for (auto& suite : suites) {
    std::erase_if(suite.cases, [&](const Case& c) {
      if (!families->empty() && families->count(endpoint_family(c)) == 0) return true;
      return shard && !in_shard(suite, c, *shard);
    });
  }
  std::erase_if(suites, [](const Suite& s) { return s.cases.empty(); });
  return {};
}

}  // namespace siraya::harness
