#pragma once
// Writes recorded exchanges into the --record-to folder (docs/record-replay.md): one rules file
// (schemas/mock/rules.json) per exchange, named NNNN-<endpoint>.json in the order the exchanges
// ended, with a rule matching the request's endpoint and body and replying with the recording.
// Numbering continues after the files already there, so a folder can be recorded into again.
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "mock/rules/recorded_reply.h"

namespace siraya::mock::record {

struct Exchange {
  std::string endpoint;  // core::Endpoint::name
  std::string method;
  std::string path;       // with the query string, if any
  nlohmann::json body;    // the request body (secrets redacted); null when it was not JSON
  rules::RecordedReply reply;
};

// The rules file that replays `exchange` (`index`: its number in the folder, for the rule name).
nlohmann::json fixture_json(const Exchange& exchange, std::size_t index, const std::string& upstream);

class FixtureWriter {
 public:
  // Creates the folder when missing. Error id mock.upstream.
  static core::Result<std::unique_ptr<FixtureWriter>> open(const std::string& dir, std::string upstream);

  // Thread-safe. Writes atomically (a temporary file, then rename): a replay that loads the
  // folder meanwhile never sees half a file. Returns the file's path.
  core::Result<std::string> write(const Exchange& exchange);

 private:
  FixtureWriter(std::string dir, std::string upstream, std::size_t next)
      : dir_(std::move(dir)), upstream_(std::move(upstream)), next_(next) {}
  std::string dir_;
  std::string upstream_;
  std::mutex mu_;
  std::size_t next_;
};

}  // namespace siraya::mock::record
