#pragma once
// Attachment parts of a responses input (responses.md §2): input_image, input_file and
// OpenResponses' input_video, in message content and in function_call_output output arrays. The
// one place that reads them: validate_request calls check_attachments, and prompt counting
// (read_request) sums attachment_tokens over the same parts.
#include <cstddef>
#include <optional>

#include <nlohmann/json.hpp>

#include "mock/errors.h"

namespace siraya::mock::responses {

// 400 naming the field at fault, e.g. "input[0].content[2].image_url":
//   input_image   image_url: an http(s) URL or data:image/<png|jpeg|gif|webp>;base64,<strict
//                 base64>, or file_id (non-empty); detail: low | high | auto
//   input_file    file_data (a data:application/pdf;base64 URL), file_url (http(s)) or file_id,
//                 at least one; filename a string
//   input_video   video_url: an http(s) URL or a data:video/<subtype>;base64 URL (UNVERIFIED, §9)
// Runs before the request schema, so it skips what is not the expected shape (the schema
// reports it) and checks every field it reads itself. A null field counts as absent.
std::optional<ApiError> check_attachments(const nlohmann::json& input);

// The prompt tokens of every attachment in `input` (an array that passed check_attachments and
// the schema; mock/generation/attachment_tokens.h).
std::size_t attachment_tokens(const nlohmann::json& input);

}  // namespace siraya::mock::responses
