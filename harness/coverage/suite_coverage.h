#pragma once
// Static coverage: what the selected suites exercise of the documented API, decided from the
// suite files alone (nothing is sent). The rules are in docs/coverage.md.
#include <array>
#include <string>
#include <vector>

#include "core/endpoints.h"
#include "core/result.h"
#include "harness/coverage/coverage_report.h"
#include "harness/coverage/schema_documents.h"
#include "harness/suite/suite.h"

namespace siraya::harness {

// The gateway's documented error statuses (reference README §4.2: 400, 401, 402, 403, 408, 429,
// 502, 503) and the router's 404, 405 and 413 (design.md, "One request through the mock").
inline constexpr std::array<int, 11> kDocumentedErrorStatuses{400, 401, 402, 403, 404, 405, 408, 413, 429, 502, 503};

// "GET /v1/models"; for an endpoint that streams, "POST /v1/responses (buffered)" or "(stream)".
std::string endpoint_item_name(const core::Endpoint& endpoint, bool streamed);

// Every dimension with its documented items and nothing covered: the endpoint table (both modes
// of a streaming endpoint), kDocumentedErrorStatuses, each endpoint's request schema's top-level
// properties, the event types of each dialect (the stream event schema's enumeration; chat, whose
// chunks have no type: kChatChunkKinds) and every response, stream event and error schema the
// endpoint table names. Error "coverage.schema" when such a schema is missing or not JSON.
core::Result<CoverageReport> documented_items(const SchemaDocuments& schemas);

// Covers, case by case, what the suites' requests and expectations name (the basis of each
// dimension says how). Counts the suites and cases.
void cover_statically(CoverageReport& report, const std::vector<Suite>& suites);

// documented_items() then cover_statically().
core::Result<CoverageReport> analyse_suites(const std::vector<Suite>& suites, const SchemaDocuments& schemas);

// "suite#case", as every report names a case.
std::string case_ref(const Suite& suite, const Case& c);

}  // namespace siraya::harness
