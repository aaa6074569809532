#pragma once
// Image and document blocks of a Messages request (messages.md §3), in user content, inside
// tool_result content, and images inside a document's content source. The one place that reads
// them: validate_request calls check_attachments, and prompt counting (read_request) sums
// attachment_tokens over the same blocks.
#include <cstddef>
#include <optional>

#include <nlohmann/json.hpp>

#include "mock/errors.h"

namespace siraya::mock::messages {

// 400 whose message gives the field and the reason, "messages[0].content[1].source.data: not
// valid base64: ...", and whose param is that field:
//   image     source {type: base64, media_type: image/jpeg|png|gif|webp, data: raw strict
//             base64 (not a data URL)} or {type: url, url: http(s)}
//   document  source {type: base64, media_type: application/pdf, data: raw strict base64},
//             {type: text, media_type: text/plain (optional), data: string}, {type: url, url:
//             http(s)} or {type: content, content: string or blocks}
// Runs before the request schema: skips what is not the expected shape (the schema reports it)
// and checks every field it reads itself.
std::optional<ApiError> check_attachments(const nlohmann::json& messages);

// The prompt tokens of every image and document in `messages`, which passed check_attachments
// and the schema (mock/generation/attachment_tokens.h).
std::size_t attachment_tokens(const nlohmann::json& messages);

}  // namespace siraya::mock::messages
