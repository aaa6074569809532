#pragma once
// What `siraya-harness coverage` reports (docs/coverage.md): per dimension (endpoints, error
// statuses, request parameters, stream event types, schemas) the documented items and the cases
// that cover each, plus what the suites use beyond the documented list ("extra", not counted).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/runner/case_result.h"

namespace siraya::harness {

struct CoverageItem {
  std::string group;               // parameters: the endpoint name; event types: the dialect; else ""
  std::string name;                // "POST /v1/responses (stream)", "429", "temperature", "message_start"
  std::vector<std::string> cases;  // "suite#case" of every case covering it, in suite order, each once
  bool covered() const { return !cases.empty(); }
};

// Dimension ids, in report order.
inline constexpr std::string_view kCoverageEndpoints = "endpoints";
inline constexpr std::string_view kCoverageStatuses = "statuses";
inline constexpr std::string_view kCoverageParameters = "parameters";
inline constexpr std::string_view kCoverageEvents = "events";
inline constexpr std::string_view kCoverageSchemas = "schemas";

struct CoverageDimension {
  std::string id;     // one of the kCoverage* ids
  std::string title;  // "error statuses"
  std::string basis;  // how coverage was decided, e.g. "static: declared by expect.status"
  std::vector<CoverageItem> items;  // the documented ones; they make the percentage
  std::vector<CoverageItem> extra;  // used by the suites but not documented; not counted

  // Records that case `by` covers (group, name): the item's, or else an extra item's, cases.
  void cover(std::string_view group, std::string_view name, const std::string& by);
  // Forgets every case of every item and drops the extras (before observed coverage replaces it).
  void reset();
  std::size_t covered() const;
  std::size_t total() const { return items.size(); }
  // The groups of the items in first-seen order ("" for a dimension without groups).
  std::vector<std::string> groups() const;
};

struct CoverageReport {
  std::size_t suites = 0;
  std::size_t cases = 0;
  std::optional<RunSummary> run;      // set when the cases were run (coverage --run)
  std::string target;                 // with --run: what they ran against
  std::vector<CoverageDimension> dimensions;

  const CoverageDimension* find(std::string_view id) const;
  CoverageDimension* find(std::string_view id);
  // Every item of every dimension counts once: covered items / all items.
  std::size_t covered() const;
  std::size_t total() const;
  double percent() const;
};

// 100 * covered / total, and 100 when there is nothing to cover.
double coverage_percent(std::size_t covered, std::size_t total);

}  // namespace siraya::harness
