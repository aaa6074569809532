#pragma once
// Prompt tokens of an attachment, one rule for chat, responses and messages (docs/attachments.md).
// What the gateway counts for images, files and audio is not specified (reference README §6:
// UNVERIFIED) and the mock never decodes an image or a PDF, so each kind costs a fixed figure or
// a figure derived from its decoded byte length only:
//
//   image   detail "low": 85; "high", "auto" or none (messages): 765 (OpenAI's high-detail
//           figure for a 1024x1024 image: 85 + 4 tiles x 170), whatever the source
//   file    (PDF) 64 per started KiB of decoded data; by reference (file_id, file_url, a url
//           source) it counts as 1 KiB: 64
//   audio   10 per started second, the duration estimated from the decoded length: wav at
//           32 000 bytes/s (16 kHz, 16-bit mono), mp3 at 16 000 bytes/s (128 kbit/s)
//   video   258 per started second at 125 000 bytes/s (1 Mbit/s); by URL it counts as 1 s: 258
//   text    a plain-text document (messages source type "text" or "content"): the o200k count
//           of its text
//
// An attachment adds exactly this to prompt tokens: no per-part framing on top.
#include <cstddef>
#include <optional>
#include <string>

namespace siraya::mock::generation {

inline constexpr std::size_t kImageLowDetailTokens = 85;
inline constexpr std::size_t kImageHighDetailTokens = 765;
inline constexpr std::size_t kFileTokensPerKiB = 64;
inline constexpr std::size_t kAudioTokensPerSecond = 10;
inline constexpr std::size_t kWavBytesPerSecond = 32000;
inline constexpr std::size_t kMp3BytesPerSecond = 16000;
inline constexpr std::size_t kVideoTokensPerSecond = 258;
inline constexpr std::size_t kVideoBytesPerSecond = 125000;

enum class AttachmentKind { image, file, audio, video, text };
enum class ImageDetail { automatic, low, high };
enum class AudioFormat { wav, mp3 };

struct Attachment {
  AttachmentKind kind = AttachmentKind::image;
  ImageDetail detail = ImageDetail::automatic;  // image
  AudioFormat audio_format = AudioFormat::wav;  // audio
  // Decoded size when the bytes are in the request; nullopt when the attachment is only
  // addressed (an http(s) URL or a file id).
  std::optional<std::size_t> bytes;
  std::string text;  // text: the document's text
};

// The prompt tokens `attachment` adds, by the table above.
std::size_t attachment_tokens(const Attachment& attachment);

}  // namespace siraya::mock::generation
