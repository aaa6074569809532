#pragma once
// Attachment parts of chat user messages (chat-completions.md §2.1): image_url, file,
// input_audio and the video tags video_url / input_video. The one place that reads them: the
// messages check (validate_messages) calls read_attachment for each such part, and prompt
// counting (read_request) sums attachment_tokens over the same parts.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "mock/errors.h"
#include "mock/generation/attachment_tokens.h"

namespace siraya::mock::chat {

// image_url, file, input_audio, video_url, input_video.
bool is_attachment_part(std::string_view type);

// Checks the attachment part at `at` (e.g. "messages[0].content[1]"), whose type
// is_attachment_part; a 400 names the field at fault ("messages[0].content[1].image_url.url").
// On success `out` describes the attachment for attachment_tokens.
//   image_url.url      an http(s) URL or data:image/<png|jpeg|gif|webp>;base64,<strict base64>;
//   image_url.detail   auto | low | high
//   file               file_data (a data:application/pdf;base64 URL) and/or file_id, at least
//                      one; filename optional (all optional in OpenAI's spec)
//   input_audio        data: raw strict base64, not a data URL; format: wav | mp3
//   video_url.url      an http(s) URL or a data:video/<subtype>;base64 URL (the tag and the media
//                      types are UNVERIFIED in the reference: both tags and any video/ subtype)
std::optional<ApiError> read_attachment(const nlohmann::json& part, const std::string& at, generation::Attachment& out);

// The prompt tokens of every attachment in `messages`, which passed validate_messages
// (mock/generation/attachment_tokens.h).
std::size_t attachment_tokens(const nlohmann::json& messages);

}  // namespace siraya::mock::chat
