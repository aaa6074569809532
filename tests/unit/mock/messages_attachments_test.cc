// Messages image and document blocks (messages.md §3; mock/messages/attachments.h): valid
// sources are accepted and add their documented figure to usage.input_tokens
// (docs/attachments.md); malformed ones are a 400 whose param names the field and whose message
// gives the reason ("messages[0].content[1].source.data: not valid base64: ...").
#include <string>

#include "attachments_test_support.h"
#include "mock/encoding/base64.h"
#include "mock/generation/token_counter.h"

namespace siraya::mock::testing {
namespace {

using nlohmann::json;

constexpr const char* kPath = "/v1/messages";

json with_block(const json& block) {
  json content = json::array({{{"type", "text"}, {"text", "Describe this attachment."}}});
  if (!block.is_null()) content.push_back(block);
  return {{"model", "anthropic/claude-sonnet-4.5"}, {"max_tokens", 64}, {"messages", {{{"role", "user"}, {"content", content}}}}};
}

json image_base64(const std::string& media_type, const std::string& data) {
  return {{"type", "image"}, {"source", {{"type", "base64"}, {"media_type", media_type}, {"data", data}}}};
}
json document(json source) { return {{"type", "document"}, {"source", std::move(source)}}; }

class MessagesAttachmentsTest : public AttachmentsTest {
 protected:
  std::int64_t added_tokens(const json& block) {
    return prompt_tokens(kPath, with_block(block), "/usage/input_tokens") -
           prompt_tokens(kPath, with_block(nullptr), "/usage/input_tokens");
  }
  json error_for(const json& block) { return rejected(kPath, with_block(block)); }
  std::string param_for(const json& block) { return error_for(block)["param"].get<std::string>(); }
};

TEST_F(MessagesAttachmentsTest, ImagesCountAsHighDetail) {
  EXPECT_EQ(added_tokens(image_base64("image/png", kPngBase64)), 765);
  for (const char* type : {"image/jpeg", "image/gif", "image/webp"}) EXPECT_EQ(added_tokens(image_base64(type, "AAAA")), 765) << type;
  EXPECT_EQ(added_tokens({{"type", "image"}, {"source", {{"type", "url"}, {"url", "https://example.com/cat.png"}}}}), 765);
}

TEST_F(MessagesAttachmentsTest, MalformedImagesGiveTheFieldAndTheReason) {
  const std::string at = "messages[0].content[1].source";
  const json e = error_for(image_base64("image/png", "@@"));
  EXPECT_EQ(e["param"], at + ".data");
  EXPECT_EQ(e["message"].get<std::string>().rfind(at + ".data: not valid base64", 0), 0u) << e["message"];
  EXPECT_EQ(param_for(image_base64("image/png", "iVBORw0KGgo")), at + ".data");  // padding missing
  EXPECT_EQ(param_for(image_base64("image/png", "iVBO Rw0K")), at + ".data");    // white space
  EXPECT_EQ(param_for(image_base64("image/png", "")), at + ".data");
  EXPECT_EQ(param_for(image_base64("image/png", std::string("data:image/png;base64,") + kPngBase64)), at + ".data");
  EXPECT_EQ(param_for(image_base64("image/bmp", "Qk0=")), at + ".media_type");
  EXPECT_EQ(param_for({{"type", "image"}, {"source", {{"type", "base64"}, {"data", "AAAA"}}}}), at + ".media_type");
  EXPECT_EQ(param_for({{"type", "image"}, {"source", {{"type", "base64"}, {"media_type", "image/png"}}}}), at + ".data");
  EXPECT_EQ(param_for({{"type", "image"}, {"source", {{"type", "url"}, {"url", "notaurl"}}}}), at + ".url");
  EXPECT_EQ(param_for({{"type", "image"}, {"source", {{"type", "url"}}}}), at + ".url");
  EXPECT_EQ(param_for({{"type", "image"}, {"source", {{"type", "file"}, {"file_id", "f"}}}}), at + ".type");
  EXPECT_EQ(param_for({{"type", "image"}}), at);
}

TEST_F(MessagesAttachmentsTest, DocumentsCountByKind) {
  const std::string pdf = encoding::base64_encode(std::string(2049, 'x'));
  EXPECT_EQ(added_tokens(document({{"type", "base64"}, {"media_type", "application/pdf"}, {"data", pdf}})), 192);  // 3 KiB
  EXPECT_EQ(added_tokens(document({{"type", "url"}, {"url", "https://example.com/a.pdf"}})), 64);
  const std::string text = "The quick brown fox jumps over the lazy dog.";
  const auto text_tokens = static_cast<std::int64_t>(generation::count_tokens(text));
  EXPECT_EQ(added_tokens(document({{"type", "text"}, {"media_type", "text/plain"}, {"data", text}})), text_tokens);
  EXPECT_EQ(added_tokens(document({{"type", "text"}, {"data", text}})), text_tokens);
  EXPECT_EQ(added_tokens(document({{"type", "content"}, {"content", text}})), text_tokens);
}

TEST_F(MessagesAttachmentsTest, MalformedDocumentsGiveTheFieldAndTheReason) {
  const std::string at = "messages[0].content[1].source";
  EXPECT_EQ(param_for(document({{"type", "base64"}, {"media_type", "application/pdf"}, {"data", "@@"}})), at + ".data");
  EXPECT_EQ(param_for(document({{"type", "base64"}, {"media_type", "text/plain"}, {"data", "aGk="}})), at + ".media_type");
  EXPECT_EQ(param_for(document({{"type", "url"}, {"url", "notaurl"}})), at + ".url");
  EXPECT_EQ(param_for(document({{"type", "text"}, {"media_type", "text/html"}, {"data", "<p>hi</p>"}})), at + ".media_type");
  EXPECT_EQ(param_for(document({{"type", "text"}, {"media_type", "text/plain"}})), at + ".data");
  EXPECT_EQ(param_for(document({{"type", "content"}, {"content", {{{"type", "image"}, {"source", {{"type", "url"}, {"url", "x"}}}}}}})),
            at + ".content[0].source.url");
  EXPECT_EQ(param_for(document({{"type", "base65"}})), at + ".type");
  const std::string message = error_for(document({{"type", "url"}, {"url", "notaurl"}}))["message"];
  EXPECT_EQ(message, at + ".url: must be an http(s) URL");
}

TEST_F(MessagesAttachmentsTest, ToolResultImagesAreCheckedAndCounted) {
  json body = json::parse(R"({"model":"anthropic/claude-sonnet-4.5","max_tokens":64,
    "tools":[{"name":"snap","input_schema":{"type":"object"}}],
    "messages":[{"role":"user","content":"Take a picture."},
                {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"snap","input":{}}]},
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1",
                  "content":[{"type":"text","text":"Here it is."},
                             {"type":"image","source":{"type":"base64","media_type":"image/png","data":"@@"}}]}]}]})");
  EXPECT_EQ(rejected(kPath, body)["param"], "messages[2].content[0].content[1].source.data");
  body["messages"][2]["content"][0]["content"][1]["source"]["data"] = kPngBase64;
  const std::int64_t with_image = prompt_tokens(kPath, body, "/usage/input_tokens");
  body["messages"][2]["content"][0]["content"].erase(1);
  EXPECT_EQ(with_image - prompt_tokens(kPath, body, "/usage/input_tokens"), 765);
}

TEST_F(MessagesAttachmentsTest, ThirtyMegabytePayloads) {
  std::string payload(30'000'000, 'A');
  EXPECT_EQ(added_tokens(image_base64("image/jpeg", payload)), 765);
  payload[0] = '@';
  EXPECT_EQ(param_for(image_base64("image/jpeg", payload)), "messages[0].content[1].source.data");
}

}  // namespace
}  // namespace siraya::mock::testing
