#pragma once
// Captures: values a passing step's response hands to the later steps as ${name}.
#include "core/finding.h"
#include "core/http/client.h"
#include "harness/runner/step_judge.h"
#include "harness/suite/suite.h"
#include "harness/suite/variables.h"

namespace siraya::harness {

// Sets each of the step's captures in `into` (a string value as it is, anything else as its JSON
// text); a capture whose source holds nothing is a finding capture.missing (severity error),
// and `into` keeps its other values.
//  - body: JSON Pointer into the body, or into the accumulated message of a stream;
//  - header: the first value of the response header;
//  - event: the first stream event whose event: field, or else whose JSON "type", is the name;
//    `pointer` addresses its JSON data (empty: the whole data, as text).
core::Findings take_captures(const Step& step, const StepVerdict& verdict, const core::http::Response& response,
                             Variables& into);

}  // namespace siraya::harness
