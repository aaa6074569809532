#pragma once
// The checks every dialect applies to an attachment's bytes or address, in one place so that
// chat, responses and messages agree: an http(s) URL (accepted, never fetched), a data URL of an
// allowed media type with strict base64 (mock/encoding/), or raw base64. The dialects' part
// walkers (mock/chat/attachments.h, mock/responses/attachments.h, mock/messages/attachments.h)
// turn a problem into a 400 whose param names the field.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace siraya::mock::attachments {

// Which media types a field accepts.
enum class Media {
  image,  // image/png, image/jpeg, image/gif, image/webp (chat-completions.md §2.1, messages.md §3)
  pdf,    // application/pdf (chat-completions.md §2.1 file.file_data, responses.md §2, messages.md §3)
  video,  // video/<any subtype>: the reference shows video/mp4 and leaves the rest UNVERIFIED (§2.1)
};

bool media_allowed(Media media, std::string_view media_type);

// "image/png, image/jpeg, image/gif or image/webp".
std::string media_names(Media media);

// What a check found. bytes: the decoded size when the data is in the request; nullopt when it
// is only addressed (a URL).
struct SourceCheck {
  std::string problem;  // empty when the source is acceptable
  std::optional<std::size_t> bytes;
  bool ok() const { return problem.empty(); }
};

// A data URL of `media` with non-empty strict base64.
SourceCheck check_data_url(std::string_view url, Media media);

// An http(s) URL only (responses file_url, messages url sources).
SourceCheck check_http_url(std::string_view url);

// An http(s) URL, or a data URL as check_data_url.
SourceCheck check_url(std::string_view url, Media media);

// Non-empty strict base64 that is not a data URL (chat input_audio.data, messages source.data).
SourceCheck check_raw_base64(std::string_view data);

}  // namespace siraya::mock::attachments
