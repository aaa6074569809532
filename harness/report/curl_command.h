#pragma once
// A shell command that sends a request again, for "how to reproduce" in reports and transcripts.
// Secret values never appear in it: each is replaced by a reference to the environment variable
// that holds it ("$SIRAYA_API_KEY"), so the command still works where that variable is set.
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/http/client.h"

namespace siraya::harness {

// Secret value -> the environment variable name a command reads it from.
using SecretPlaceholders = std::map<std::string, std::string>;

// The API key reads from SIRAYA_API_KEY; a ${secret:NAME} value from NAME (the environment variable
// that currently holds that value); any other secret from SIRAYA_SECRET_<n>.
SecretPlaceholders secret_placeholders(const std::set<std::string>& secrets, const std::string& api_key);

// `curl -sS -N -X POST 'https://gw.example/v1/chat/completions' -H '...' --data-binary '...'`,
// POSIX-shell quoted, on one line.
std::string curl_command(std::string_view base_url, const core::http::Request& request,
                         const SecretPlaceholders& secrets);

// `text` as one POSIX-shell word: single-quoted, with each secret spliced in as "$NAME".
std::string shell_word(std::string_view text, const SecretPlaceholders& secrets);

}  // namespace siraya::harness
