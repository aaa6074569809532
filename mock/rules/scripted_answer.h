#pragma once
// A rule's content rendered as the answer the endpoints already know how to write (chat and
// responses share chat::Answer; messages has its own blocks), so scripted and generated answers
// go through the same renderers, streamed or not. Scripted text is sent as written: stop
// sequences and token limits do not cut it.
#include <cstdint>

#include "mock/chat/answer.h"
#include "mock/messages/answer.h"
#include "mock/rules/rule.h"

namespace siraya::mock::rules {

// `content_hash` seeds the tool call ids, so the same request gets the same ids.
chat::Answer chat_answer(const Reply& reply, std::uint64_t content_hash);
messages::MessageAnswer message_answer(const Reply& reply, std::uint64_t content_hash);

}  // namespace siraya::mock::rules
