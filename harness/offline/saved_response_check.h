#pragma once
// Offline check of a saved response (`siraya-harness check`): a JSON body or a raw SSE stream,
// captured from a gateway or pasted into a bug report, judged by the same schemas, stream state
// machines and request-contract checks as a live run, with the profile applied.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/finding.h"
#include "core/result.h"
#include "core/schema/registry.h"
#include "harness/checks/profile.h"

namespace siraya::harness {

enum class SavedFormat { automatic, json, sse };

struct SavedResponse {
  std::string endpoint;     // "chat_completions", "responses", "messages", "embeddings", "rerank", "models"
  std::string bytes;        // the body exactly as received
  SavedFormat format = SavedFormat::automatic;  // automatic: JSON when it starts with { or [
  int status = 200;         // the status the body came with: >= 400 judges it as an error body
  std::optional<std::string> content_type;  // default: text/event-stream or application/json
  std::optional<nlohmann::json> request;    // the request body, for the contract.* checks
};

struct SavedVerdict {
  bool stream = false;         // judged as an SSE stream
  std::size_t events = 0;      // SSE events decoded
  core::Findings findings;     // with the profile's severities
  bool failed() const;         // an error finding
};

// The endpoint names `check` accepts for --dialect: the three streaming dialects by their short
// names (chat, responses, messages) and every endpoint by its table name.
std::optional<std::string> endpoint_for_dialect(const std::string& dialect);

// Errors: check.endpoint (unknown endpoint), check.format (an SSE capture of an endpoint that
// never streams).
core::Result<SavedVerdict> check_saved_response(const SavedResponse& saved, const core::schema::Registry& schemas,
                                           Profile profile);

}  // namespace siraya::harness
