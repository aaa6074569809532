#pragma once
// Small valid requests the data-file targets (rules, configuration) send through a router built
// from the fuzzed file, so that what was parsed is also used: matchers, regexes, scripted
// replies, faults and limits.
#include <string>
#include <vector>

#include "mock/http/request.h"

namespace siraya::fuzz {

inline std::vector<mock::Request> sample_requests() {
  const auto post = [](const char* path, const char* body) {
    mock::Request request;
    request.method = "POST";
    request.path = path;
    request.headers = {{"authorization", "Bearer sk-fuzz"}, {"content-type", "application/json"}};
    request.body = body;
    request.request_id = "req_fuzz";
    return request;
  };
  return {
      post("/v1/chat/completions",
           R"({"model":"openai/gpt-4o","messages":[{"role":"user","content":"List the files, then run the tests."}],)"
           R"("tools":[{"type":"function","function":{"name":"bash","parameters":{"type":"object"}}}]})"),
      post("/v1/chat/completions",
           R"({"model":"openai/gpt-4o","stream":true,"messages":[{"role":"user","content":"hello"}]})"),
      post("/v1/messages",
           R"({"model":"anthropic/claude-sonnet-4.5","max_tokens":64,"stream":true,)"
           R"("messages":[{"role":"user","content":"hello"}]})"),
      post("/v1/responses", R"({"model":"openai/gpt-4o","input":"hello"})"),
      post("/v1/embeddings", R"({"model":"openai/text-embedding-3-small","input":"hello"})"),
  };
}

}  // namespace siraya::fuzz
