#pragma once
// What `run` and `coverage --run` share: the selection (schemas and suites), the variables and
// request headers from the command line, the Runner's options, and the embedded siraya-mock.
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/http/client.h"
#include "core/result.h"
#include "core/schema/registry.h"
#include "harness/runner/runner.h"
#include "harness/suite/suite.h"
#include "harness/suite/target.h"
#include "harness/suite/variables.h"
#include "mock/server.h"

namespace siraya::harness {

struct RunCommand;

struct Selection {
  std::shared_ptr<const core::schema::Registry> schemas;
  std::vector<Suite> suites;
};

// Schemas and the suites the command selects (--suites, files, --filter, --tag, --endpoint,
// --shard); a problem is printed to `err` and yields nullopt (exit code 2).
std::optional<Selection> load_selection(const RunCommand& command, std::ostream& err);

// --api-key, else $SIRAYA_API_KEY, else (embedded mock) the embedded mock's own key.
std::string api_key_for(const RunCommand& command, bool embedded);

// ${api_key} (secret) and every --var NAME=VALUE. Error "usage" for a --var without NAME=.
core::Result<Variables> command_variables(const RunCommand& command, const std::string& api_key);

// --header "NAME: VALUE" -> (NAME, VALUE). Error "usage" when there is no NAME before a colon.
core::Result<core::http::Headers> command_headers(const RunCommand& command);
// The same for the values of `option` (its name is in the message).
core::Result<core::http::Headers> parse_headers(const std::vector<std::string>& values, const std::string& option);

// The Runner's options from the command line and the resolved target: profile, jobs, timeouts,
// TLS, --header, retries, --fail-fast, transcripts. The base URL is left to the caller (it may
// be the embedded mock's). Error "usage" for a bad --profile, --header or --transcripts-on, or a
// transcripts folder that cannot be created.
core::Result<RunOptions> run_options(const RunCommand& command, const Target& target);

// Starts siraya-mock in-process on a free port, accepting `api_key`, with `seed` (default: the
// command's --seed).
core::Result<std::unique_ptr<mock::Server>> start_embedded_mock(
    const RunCommand& command, const std::string& api_key, std::shared_ptr<const core::schema::Registry> schemas,
    std::optional<std::uint64_t> seed = std::nullopt);

}  // namespace siraya::harness
