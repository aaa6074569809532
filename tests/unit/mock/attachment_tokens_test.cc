// The prompt tokens of an attachment (mock/generation/attachment_tokens.h, docs/attachments.md):
// one table for chat, responses and messages.
#include <gtest/gtest.h>

#include "mock/generation/attachment_tokens.h"
#include "mock/generation/token_counter.h"

namespace siraya::mock::generation {
namespace {

Attachment of(AttachmentKind kind, std::optional<std::size_t> bytes = std::nullopt) {
  Attachment a;
  a.kind = kind;
  a.bytes = bytes;
  return a;
}

TEST(AttachmentTokens, ImagesByDetailOnly) {
  Attachment a = of(AttachmentKind::image, 30'000'000);
  a.detail = ImageDetail::low;
  EXPECT_EQ(attachment_tokens(a), 85u);
  a.detail = ImageDetail::high;
  EXPECT_EQ(attachment_tokens(a), 765u);
  a.detail = ImageDetail::automatic;
  a.bytes.reset();
  EXPECT_EQ(attachment_tokens(a), 765u);
}

TEST(AttachmentTokens, FilesPerStartedKiB) {
  EXPECT_EQ(attachment_tokens(of(AttachmentKind::file, 1)), 64u);
  EXPECT_EQ(attachment_tokens(of(AttachmentKind::file, 1024)), 64u);
  EXPECT_EQ(attachment_tokens(of(AttachmentKind::file, 1025)), 128u);
  EXPECT_EQ(attachment_tokens(of(AttachmentKind::file, 100 * 1024)), 6400u);
  EXPECT_EQ(attachment_tokens(of(AttachmentKind::file)), 64u);  // by reference: one KiB
}

TEST(AttachmentTokens, AudioPerStartedSecond) {
  Attachment a = of(AttachmentKind::audio, 32'000);
  EXPECT_EQ(attachment_tokens(a), 10u);
  a.bytes = 32'001;
  EXPECT_EQ(attachment_tokens(a), 20u);
  a.audio_format = AudioFormat::mp3;
  a.bytes = 160'000;
  EXPECT_EQ(attachment_tokens(a), 100u);
  a.bytes = 1;
  EXPECT_EQ(attachment_tokens(a), 10u);
}

TEST(AttachmentTokens, VideoPerStartedSecond) {
  EXPECT_EQ(attachment_tokens(of(AttachmentKind::video, 125'000)), 258u);
  EXPECT_EQ(attachment_tokens(of(AttachmentKind::video, 125'001)), 516u);
  EXPECT_EQ(attachment_tokens(of(AttachmentKind::video)), 258u);  // by URL: one second
}

TEST(AttachmentTokens, TextDocumentsByTheirText) {
  Attachment a = of(AttachmentKind::text);
  a.text = "Hello, world!";
  EXPECT_EQ(attachment_tokens(a), count_tokens("Hello, world!"));
  a.text.clear();
  EXPECT_EQ(attachment_tokens(a), 0u);
}

}  // namespace
}  // namespace siraya::mock::generation
