#pragma once
// Transcripts (--transcripts DIR): per case one JSON file DIR/<suite name>/<case id>.json with every
// attempt: the request as sent, a curl command that sends it again, the response's raw bytes as
// they arrived (each read with its arrival time; text when UTF-8, base64 otherwise), the parsed
// SSE events, and the case's findings. Secrets never appear: in text they read "***", in raw
// bytes each byte of a secret reads '*' (so read boundaries stay where they were), and the curl
// command reads them from environment variables.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "harness/report/curl_command.h"
#include "harness/runner/case_client.h"
#include "harness/runner/case_result.h"

namespace siraya::harness {

struct TranscriptContext {
  std::string base_url;
  std::set<std::string> secrets;
  SecretPlaceholders placeholders;
};

nlohmann::json transcript_json(const CaseResult& result, const std::vector<Exchange>& exchanges,
                               const TranscriptContext& context);

// The file a case's transcript goes to (suite name segments "." and ".." are neutralised).
std::string transcript_path(const std::string& dir, const CaseResult& result);

// Writes the transcript; Error "report.io" when the file cannot be written.
core::Result<void> write_transcript(const std::string& dir, const CaseResult& result,
                                    const std::vector<Exchange>& exchanges, const TranscriptContext& context);

// Replaces every byte of every occurrence of a secret with '*', keeping the length.
std::string mask_secrets(std::string bytes, const std::set<std::string>& secrets);

}  // namespace siraya::harness
