#pragma once
// The parity check (run --parity): the same request sent once more with "stream" flipped must give
// an answer of the same shape: the same model, the same class of ending (finish_reason,
// responses status, stop_reason) and the same tool names in the same order. Generated text and
// ids may differ. Findings: parity.mismatch.
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/finding.h"
#include "harness/runner/step_judge.h"
#include "harness/suite/suite.h"

namespace siraya::harness {

// The twin of a step whose JSON body goes to a streaming endpoint: the same request with
// "stream" flipped; nullopt when the step cannot be twinned (no JSON object body, an endpoint that
// never streams, an explicit expect.stream, an expected status other than 2xx, or the mock's
// x-siraya-mock control header, which shapes one mode on purpose).
struct ParityTwin {
  PreparedStep step;
  std::string_view endpoint;  // the endpoint table's name: "chat_completions", "responses", "messages"
};
std::optional<ParityTwin> parity_twin(const Step& step, const PreparedStep& prepared);

// The expectation the twin is judged by: the status the original got, the endpoint's schemas, no
// assertions, headers or captures (those belong to the original).
Step parity_step(const Step& step, int status);

// parity.mismatch for each difference between the original's final object and the twin's.
core::Findings compare_parity(std::string_view endpoint, const nlohmann::json& original, const nlohmann::json& twin,
                              bool original_streamed);

}  // namespace siraya::harness
