// POST /v1/messages with the fuzzed bytes as the body: JSON parsing, request validation and the answer
// (fuzz/endpoint_fuzz.h lists the invariants).
#include "fuzz/endpoint_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return siraya::fuzz::fuzz_endpoint("/v1/messages", data, size);
}
