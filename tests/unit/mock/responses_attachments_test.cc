// Responses attachment parts (responses.md §2; mock/responses/attachments.h): input_image,
// input_file and input_video are accepted and add their documented figure to
// usage.input_tokens (docs/attachments.md); malformed ones are a 400 whose param names the field.
#include <string>

#include "attachments_test_support.h"
#include "mock/encoding/base64.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

constexpr const char* kPath = "/v1/responses";

json with_part(const json& part) {
  json content = json::array({{{"type", "input_text"}, {"text", "Describe this attachment."}}});
  if (!part.is_null()) content.push_back(part);
  return {{"model", "openai/gpt-4o"}, {"input", {{{"type", "message"}, {"role", "user"}, {"content", content}}}}};
}

std::string pdf_of_size(std::size_t bytes) {
  return "data:application/pdf;base64," + encoding::base64_encode(std::string(bytes, 'x'));
}

class ResponsesAttachmentsTest : public AttachmentsTest {
 protected:
  std::int64_t added_tokens(const json& part) {
    return prompt_tokens(kPath, with_part(part), "/usage/input_tokens") - prompt_tokens(kPath, with_part(nullptr), "/usage/input_tokens");
  }
  std::string param_for(const json& part) { return rejected(kPath, with_part(part))["param"].get<std::string>(); }
};

TEST_F(ResponsesAttachmentsTest, ImagesCountByDetail) {
  const std::string png = std::string("data:image/png;base64,") + kPngBase64;
  EXPECT_EQ(added_tokens({{"type", "input_image"}, {"image_url", png}, {"detail", "low"}}), 85);
  EXPECT_EQ(added_tokens({{"type", "input_image"}, {"image_url", png}, {"detail", "high"}}), 765);
  EXPECT_EQ(added_tokens({{"type", "input_image"}, {"image_url", png}}), 765);
  EXPECT_EQ(added_tokens({{"type", "input_image"}, {"image_url", "https://example.com/a.jpg"}, {"detail", "auto"}}), 765);
  EXPECT_EQ(added_tokens({{"type", "input_image"}, {"file_id", "file-abc"}, {"detail", "low"}}), 85);
  EXPECT_EQ(added_tokens({{"type", "input_image"}, {"image_url", nullptr}, {"file_id", "file-abc"}, {"detail", nullptr}}), 765);
}

TEST_F(ResponsesAttachmentsTest, MalformedImagesNameTheField) {
  const std::string at = "input[0].content[1]";
  EXPECT_EQ(param_for({{"type", "input_image"}, {"image_url", "garbage"}}), at + ".image_url");
  EXPECT_EQ(param_for({{"type", "input_image"}, {"image_url", "data:image/png;base64,@@"}}), at + ".image_url");
  EXPECT_EQ(param_for({{"type", "input_image"}, {"image_url", "data:image/bmp;base64,Qk0="}}), at + ".image_url");
  EXPECT_EQ(param_for({{"type", "input_image"}, {"image_url", 5}}), at + ".image_url");
  EXPECT_EQ(param_for({{"type", "input_image"}}), at + ".image_url");
  EXPECT_EQ(param_for({{"type", "input_image"}, {"file_id", ""}}), at + ".file_id");
  EXPECT_EQ(param_for({{"type", "input_image"}, {"image_url", "https://example.com/a.png"}, {"detail", "max"}}), at + ".detail");
  const std::string message = rejected(kPath, with_part({{"type", "input_image"}, {"image_url", "garbage"}}))["message"];
  EXPECT_EQ(message.rfind(at + ".image_url: ", 0), 0u) << message;
}

TEST_F(ResponsesAttachmentsTest, FilesCountPerStartedKiB) {
  EXPECT_EQ(added_tokens({{"type", "input_file"}, {"filename", "a.pdf"}, {"file_data", pdf_of_size(5000)}}), 320);
  EXPECT_EQ(added_tokens({{"type", "input_file"}, {"file_url", "https://example.com/a.pdf"}}), 64);
  EXPECT_EQ(added_tokens({{"type", "input_file"}, {"file_id", "file-abc"}}), 64);
}

TEST_F(ResponsesAttachmentsTest, MalformedFilesNameTheField) {
  const std::string at = "input[0].content[1]";
  EXPECT_EQ(param_for({{"type", "input_file"}, {"filename", "a.pdf"}, {"file_data", "@@"}}), at + ".file_data");
  EXPECT_EQ(param_for({{"type", "input_file"}, {"filename", "a.pdf"}, {"file_data", "data:application/pdf;base64,@@"}}), at + ".file_data");
  EXPECT_EQ(param_for({{"type", "input_file"}, {"filename", "a.txt"}, {"file_data", "data:text/plain;base64,aGk="}}), at + ".file_data");
  EXPECT_EQ(param_for({{"type", "input_file"}, {"file_url", "ftp://example.com/a.pdf"}}), at + ".file_url");
  EXPECT_EQ(param_for({{"type", "input_file"}, {"file_url", "data:application/pdf;base64,JVBERi0x"}}), at + ".file_url");
  EXPECT_EQ(param_for({{"type", "input_file"}, {"file_id", ""}}), at + ".file_id");
  EXPECT_EQ(param_for({{"type", "input_file"}, {"filename", 7}, {"file_id", "file-abc"}}), at + ".filename");
  EXPECT_EQ(param_for({{"type", "input_file"}, {"filename", "a.pdf"}}), at);
}

TEST_F(ResponsesAttachmentsTest, VideoCountsPerStartedSecond) {
  EXPECT_EQ(added_tokens({{"type", "input_video"}, {"video_url", "https://example.com/clip.mp4"}}), 258);
  EXPECT_EQ(added_tokens({{"type", "input_video"}, {"video_url", "data:video/mp4;base64,AAAA"}}), 258);
  EXPECT_EQ(param_for({{"type", "input_video"}, {"video_url", "nonsense"}}), "input[0].content[1].video_url");
  EXPECT_EQ(param_for({{"type", "input_video"}, {"video_url", "data:video/mp4;base64,A"}}), "input[0].content[1].video_url");
}

TEST_F(ResponsesAttachmentsTest, ItemsWithoutTypeAndToolOutputsAreCheckedToo) {
  json body = {{"model", "openai/gpt-4o"},
               {"input", {{{"role", "user"}, {"content", {{{"type", "input_image"}, {"image_url", "garbage"}}}}}}}};
  EXPECT_EQ(rejected(kPath, body)["param"], "input[0].content[0].image_url");
  body["input"] = json::parse(R"([
    {"type":"message","role":"user","content":"Look up the picture."},
    {"type":"function_call","call_id":"call_1","name":"fetch","arguments":"{}"},
    {"type":"function_call_output","call_id":"call_1","output":[{"type":"input_image","image_url":"data:image/png;base64,@@"}]}])");
  EXPECT_EQ(rejected(kPath, body)["param"], "input[2].output[0].image_url");
  body["input"][2]["output"][0]["image_url"] = "https://example.com/a.png";
  body["input"][2]["output"][0]["detail"] = "low";
  const std::int64_t with_image = prompt_tokens(kPath, body, "/usage/input_tokens");
  body["input"][2]["output"] = json::array({{{"type", "input_text"}, {"text", ""}}});
  EXPECT_EQ(with_image - prompt_tokens(kPath, body, "/usage/input_tokens"), 85);
}

TEST_F(ResponsesAttachmentsTest, ThirtyMegabytePayloads) {
  std::string payload(30'000'000, 'A');
  EXPECT_EQ(added_tokens({{"type", "input_image"}, {"image_url", "data:image/webp;base64," + payload}, {"detail", "low"}}), 85);
  payload[payload.size() / 2] = '-';
  EXPECT_EQ(param_for({{"type", "input_image"}, {"image_url", "data:image/webp;base64," + payload}}), "input[0].content[1].image_url");
}

}  // namespace
}  // namespace siraya::mock::testing
