#pragma once
// `siraya-harness check FILE --dialect D`: judges a saved response body or raw SSE stream (a file,
// or - for stdin) offline, with the schemas and stream state machines of a live run, and prints
// the same findings (docs/offline-check.md).
#include <optional>
#include <ostream>
#include <string>

namespace siraya::harness {

struct CheckCommand {
  std::string file;                  // path, or "-" for stdin
  std::string dialect;               // chat, responses, messages, embeddings, rerank, models
  std::string format = "auto";       // auto, json, sse
  int status = 200;                  // the status the body came with
  std::optional<std::string> content_type;
  std::string request_file;          // the request body, for the contract.* checks
  std::string profile = "standard";
  std::string schemas_dir;
  bool json = false;                 // findings as JSON on stdout
  bool verbose = false;              // info findings too
};

// 0 when no finding is an error; 1 when one is; 2 for bad usage or an unreadable file.
int check_command(const CheckCommand& command, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace siraya::harness
