#include "mock/generation/attachment_tokens.h"

#include "mock/generation/token_counter.h"

namespace siraya::mock::generation {
namespace {

// ceil(bytes / unit), at least 1: a started unit counts whole, and an attachment is never free.
std::size_t started_units(std::size_t bytes, std::size_t unit) { return bytes == 0 ? 1 : (bytes + unit - 1) / unit; }

}  // namespace

std::size_t attachment_tokens(const Attachment& a) {
  switch (a.kind) {
    case AttachmentKind::image:
      return a.detail == ImageDetail::low ? kImageLowDetailTokens : kImageHighDetailTokens;
    case AttachmentKind::file:
      return kFileTokensPerKiB * (a.bytes ? started_units(*a.bytes, 1024) : 1);
    case AttachmentKind::audio: {
      const std::size_t rate = a.audio_format == AudioFormat::mp3 ? kMp3BytesPerSecond : kWavBytesPerSecond;
      return kAudioTokensPerSecond * (a.bytes ? started_units(*a.bytes, rate) : 1);
    }
    case AttachmentKind::video:
      return kVideoTokensPerSecond * (a.bytes ? started_units(*a.bytes, kVideoBytesPerSecond) : 1);
    case AttachmentKind::text:
      return count_tokens(a.text);
  }
  return 0;
}

}  // namespace siraya::mock::generation
