#pragma once
// Wire forms of a Message (reference messages.md): the JSON body in the complete form of §5.3 and
// the SSE stream of §7 (an `event:` line on every event, no [DONE]), both built from the same
// MessageAnswer so that streamed text and partial_json concatenate to the body's blocks.
#include <cstdint>
#include <string>
#include <vector>

#include "mock/messages/answer.h"

namespace siraya::mock::messages {

struct MessageMeta {
  std::string id;  // "msg_01..."
  std::string model;
  std::int64_t input_tokens = 0;
};

std::string render_body(const MessageMeta& meta, const MessageAnswer& answer);

// message_start, ping, per block content_block_start / content_block_delta... /
// content_block_stop, message_delta (stop_reason, cumulative usage), message_stop.
std::vector<std::string> render_stream(const MessageMeta& meta, const MessageAnswer& answer);

}  // namespace siraya::mock::messages
