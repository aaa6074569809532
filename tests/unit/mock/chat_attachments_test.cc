// Chat attachment parts (chat-completions.md §2.1; mock/chat/attachments.h): each valid kind is
// accepted and adds its documented figure to usage.prompt_tokens (docs/attachments.md), each
// malformed variant is a 400 whose param names the field at fault.
#include <string>

#include "attachments_test_support.h"
#include "mock/encoding/base64.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

constexpr const char* kPath = "/v1/chat/completions";

json with_part(const json& part) {
  json content = json::array({{{"type", "text"}, {"text", "Describe this attachment."}}});
  if (!part.is_null()) content.push_back(part);
  return {{"model", "openai/gpt-4o"}, {"messages", {{{"role", "user"}, {"content", content}}}}};
}

std::string b64_of_size(std::size_t bytes) { return encoding::base64_encode(std::string(bytes, 'x')); }

json image(const std::string& url, const char* detail = nullptr) {
  json inner = {{"url", url}};
  if (detail) inner["detail"] = detail;
  return {{"type", "image_url"}, {"image_url", inner}};
}
json file(json inner) { return {{"type", "file"}, {"file", std::move(inner)}}; }
json audio(const std::string& data, const std::string& format) {
  return {{"type", "input_audio"}, {"input_audio", {{"data", data}, {"format", format}}}};
}
json video(const std::string& url, const char* tag = "video_url") { return {{"type", tag}, {"video_url", {{"url", url}}}}; }

class ChatAttachmentsTest : public AttachmentsTest {
 protected:
  // What `part` adds to the prompt tokens of the same request without it.
  std::int64_t added_tokens(const json& part) {
    return prompt_tokens(kPath, with_part(part), "/usage/prompt_tokens") - prompt_tokens(kPath, with_part(nullptr), "/usage/prompt_tokens");
  }
  std::string param_for(const json& part) { return rejected(kPath, with_part(part))["param"].get<std::string>(); }
};

TEST_F(ChatAttachmentsTest, ImagesCountByDetail) {
  const std::string png = std::string("data:image/png;base64,") + kPngBase64;
  EXPECT_EQ(added_tokens(image(png, "low")), 85);
  EXPECT_EQ(added_tokens(image(png, "high")), 765);
  EXPECT_EQ(added_tokens(image(png, "auto")), 765);
  EXPECT_EQ(added_tokens(image(png)), 765);
  EXPECT_EQ(added_tokens(image("https://example.com/cat.png", "low")), 85);
  EXPECT_EQ(added_tokens(image("http://example.com/cat.png")), 765);
  for (const char* type : {"jpeg", "gif", "webp"}) {
    EXPECT_EQ(added_tokens(image(std::string("data:image/") + type + ";base64,AAAA", "low")), 85) << type;
  }
}

TEST_F(ChatAttachmentsTest, MalformedImagesNameTheUrl) {
  const std::string at = "messages[0].content[1].image_url";
  EXPECT_EQ(param_for(image("data:image/png;base64,!!!notbase64")), at + ".url");
  EXPECT_EQ(param_for(image("data:image/bmp;base64,Qk0=")), at + ".url");
  EXPECT_EQ(param_for(image("data:image/png;base64,iVBORw0")), at + ".url");  // length not a multiple of 4
  EXPECT_EQ(param_for(image("data:image/png;base64,AA=A")), at + ".url");     // padding inside
  EXPECT_EQ(param_for(image("data:image/png;base64,")), at + ".url");         // no data
  EXPECT_EQ(param_for(image("data:image/png,iVBORw0KGgo=")), at + ".url");    // not base64-encoded
  EXPECT_EQ(param_for(image("data:image/png;base64")), at + ".url");          // no ','
  EXPECT_EQ(param_for(image("data:;base64,AAAA")), at + ".url");              // no media type
  EXPECT_EQ(param_for(image("ftp://example.com/cat.png")), at + ".url");
  EXPECT_EQ(param_for(image("https://")), at + ".url");
  EXPECT_EQ(param_for(image("https://exa mple.com/cat.png")), at + ".url");
  EXPECT_EQ(param_for(image("cat.png")), at + ".url");
  EXPECT_EQ(param_for(image("data:image/png;base64,iVBORw0KGgo=", "ultra")), at + ".detail");
  EXPECT_EQ(param_for({{"type", "image_url"}, {"image_url", "https://example.com/cat.png"}}), at);
  EXPECT_EQ(param_for({{"type", "image_url"}, {"image_url", {{"url", 7}}}}), at + ".url");
}

TEST_F(ChatAttachmentsTest, TheMessageGivesTheReason) {
  const json e = rejected(kPath, with_part(image("data:image/png;base64,!!!notbase64")));
  const std::string message = e["message"];
  EXPECT_EQ(message.rfind("messages[0].content[1].image_url.url: not valid base64", 0), 0u) << message;
  const std::string bmp = rejected(kPath, with_part(image("data:image/bmp;base64,Qk0=")))["message"];
  EXPECT_NE(bmp.find("image/bmp"), std::string::npos) << bmp;
}

TEST_F(ChatAttachmentsTest, PdfFilesCountPerStartedKiB) {
  const std::string pdf = "data:application/pdf;base64,";
  EXPECT_EQ(added_tokens(file({{"filename", "a.pdf"}, {"file_data", pdf + b64_of_size(1)}})), 64);
  EXPECT_EQ(added_tokens(file({{"filename", "a.pdf"}, {"file_data", pdf + b64_of_size(1024)}})), 64);
  EXPECT_EQ(added_tokens(file({{"filename", "a.pdf"}, {"file_data", pdf + b64_of_size(3000)}})), 192);
  EXPECT_EQ(added_tokens(file({{"file_data", pdf + b64_of_size(2048)}})), 128);  // filename is optional
  EXPECT_EQ(added_tokens(file({{"file_id", "file-abc123"}})), 64);               // by reference: one KiB
}

TEST_F(ChatAttachmentsTest, MalformedFilesNameTheField) {
  const std::string at = "messages[0].content[1].file";
  EXPECT_EQ(param_for(file({{"filename", "a.pdf"}, {"file_data", "data:application/pdf;base64,@@@"}})), at + ".file_data");
  EXPECT_EQ(param_for(file({{"filename", "a.txt"}, {"file_data", "data:text/plain;base64,aGk="}})), at + ".file_data");
  EXPECT_EQ(param_for(file({{"filename", "a.pdf"}, {"file_data", "JVBERi0x"}})), at + ".file_data");  // not a data URL
  EXPECT_EQ(param_for(file({{"filename", "a.pdf"}, {"file_data", 12}})), at + ".file_data");
  EXPECT_EQ(param_for(file({{"filename", 3}, {"file_data", "data:application/pdf;base64,JVBERi0x"}})), at + ".filename");
  EXPECT_EQ(param_for(file({{"file_id", ""}})), at + ".file_id");
  EXPECT_EQ(param_for(file({{"filename", "a.pdf"}})), at);  // neither data nor id
  EXPECT_EQ(param_for(file(json::object())), at);
  EXPECT_EQ(param_for({{"type", "file"}}), at);
}

TEST_F(ChatAttachmentsTest, AudioCountsPerStartedSecond) {
  EXPECT_EQ(added_tokens(audio(b64_of_size(100), "wav")), 10);     // under a second
  EXPECT_EQ(added_tokens(audio(b64_of_size(64000), "wav")), 20);   // 2 s at 32 000 bytes/s
  EXPECT_EQ(added_tokens(audio(b64_of_size(64001), "wav")), 30);
  EXPECT_EQ(added_tokens(audio(b64_of_size(48000), "mp3")), 30);   // 3 s at 16 000 bytes/s
}

TEST_F(ChatAttachmentsTest, MalformedAudioNamesTheField) {
  const std::string at = "messages[0].content[1].input_audio";
  EXPECT_EQ(param_for(audio("@@@", "wav")), at + ".data");
  EXPECT_EQ(param_for(audio("UklGRiQ", "wav")), at + ".data");
  EXPECT_EQ(param_for(audio("", "wav")), at + ".data");
  EXPECT_EQ(param_for(audio("data:audio/wav;base64,UklGRiQAAABX", "wav")), at + ".data");  // raw base64 only
  EXPECT_EQ(param_for(audio("UklGRiQAAABX", "flac")), at + ".format");
  EXPECT_EQ(param_for({{"type", "input_audio"}, {"input_audio", {{"format", "wav"}}}}), at + ".data");
  EXPECT_EQ(param_for({{"type", "input_audio"}, {"input_audio", {{"data", "UklGRiQAAABX"}}}}), at + ".format");
}

TEST_F(ChatAttachmentsTest, VideoCountsPerStartedSecondInBothTags) {
  EXPECT_EQ(added_tokens(video("https://example.com/clip.mp4")), 258);  // by URL: one second
  EXPECT_EQ(added_tokens(video("data:video/mp4;base64," + b64_of_size(250001))), 774);  // 3 s at 125 000 bytes/s
  EXPECT_EQ(added_tokens(video("data:video/webm;base64,AAAA", "input_video")), 258);
}

TEST_F(ChatAttachmentsTest, MalformedVideoNamesTheUrl) {
  const std::string at = "messages[0].content[1].video_url.url";
  EXPECT_EQ(param_for(video("nonsense")), at);
  EXPECT_EQ(param_for(video("data:video/mp4;base64,@@")), at);
  EXPECT_EQ(param_for(video("data:image/png;base64,AAAA")), at);
  EXPECT_EQ(param_for(video("nonsense", "input_video")), at);
  EXPECT_EQ(param_for({{"type", "video_url"}}), "messages[0].content[1].video_url");
}

TEST_F(ChatAttachmentsTest, EveryPartIsCheckedAndCounted) {
  json body = with_part(image("https://example.com/a.png", "low"));
  body["messages"][0]["content"].push_back(image("https://example.com/b.png", "low"));
  body["messages"].push_back({{"role", "assistant"}, {"content", "A cat."}});
  body["messages"].push_back({{"role", "user"}, {"content", {{{"type", "text"}, {"text", "And this?"}}, image("data:image/gif;base64,@")}}});
  EXPECT_EQ(rejected(kPath, body)["param"], "messages[2].content[1].image_url.url");
  body["messages"][2]["content"][1] = image("data:image/gif;base64,R0lGODlh", "low");
  json text_only = body;
  for (auto& m : text_only["messages"]) {
    if (m["content"].is_array()) m["content"] = json::array({m["content"][0]});
  }
  EXPECT_EQ(prompt_tokens(kPath, body, "/usage/prompt_tokens") - prompt_tokens(kPath, text_only, "/usage/prompt_tokens"), 3 * 85);
}

TEST_F(ChatAttachmentsTest, StreamedUsageCountsAttachmentsToo) {
  json body = with_part(image("https://example.com/a.png", "low"));
  const std::int64_t buffered = prompt_tokens(kPath, body, "/usage/prompt_tokens");
  body["stream"] = true;
  body["stream_options"] = {{"include_usage", true}};
  auto res = post(kPath, body);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const std::string key = "\"prompt_tokens\":" + std::to_string(buffered);
  EXPECT_NE(res->body.find(key), std::string::npos) << res->body.substr(0, 400);
}

// Linear, non-recursive checking: a 30 MB image is accepted (and still costs 765), and a 30 MB
// payload with one bad character at its end is refused.
TEST_F(ChatAttachmentsTest, ThirtyMegabytePayloads) {
  std::string payload(30'000'000, 'A');
  EXPECT_EQ(added_tokens(image("data:image/png;base64," + payload)), 765);
  payload.back() = '!';
  EXPECT_EQ(param_for(image("data:image/png;base64," + payload)), "messages[0].content[1].image_url.url");
}

}  // namespace
}  // namespace siraya::mock::testing
