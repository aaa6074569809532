#include "mock/chat/attachments.h"

#include "mock/attachments/source_check.h"
#include "mock/chat/json_checks.h"
#include "mock/json_fields.h"

namespace siraya::mock::chat {
namespace {

using attachments::Media;
using attachments::SourceCheck;
using nlohmann::json;

ApiError bad(std::string message, std::string param) { return invalid_request(std::move(message), std::move(param)); }

// `{obj}.{key}` as a string, or a 400 when it is not one (or, when required, absent).
std::optional<ApiError> string_field(const json& obj, const char* key, const std::string& at, bool required,
                                     std::string_view& out) {
  const std::string param = at + "." + key;
  const json* v = field(obj, key);
  if (!v) {
    if (!required) return std::nullopt;
    return bad(param + " is required", param);
  }
  if (!v->is_string()) return bad(param + " must be a string, " + got(*v), param);
  out = v->get_ref<const std::string&>();
  return std::nullopt;
}

std::optional<ApiError> source_problem(const SourceCheck& check, const std::string& param) {
  if (check.ok()) return std::nullopt;
  return bad(param + ": " + check.problem, param);
}

std::optional<ApiError> read_image(const json& inner, const std::string& at, generation::Attachment& out) {
  std::string_view url;
  if (auto e = string_field(inner, "url", at, true, url)) return e;
  std::string_view detail = "auto";
  if (auto e = string_field(inner, "detail", at, false, detail)) return e;
  if (detail != "auto" && detail != "low" && detail != "high") {
    return bad(at + ".detail must be one of auto, low, high, " + got(inner["detail"]), at + ".detail");
  }
  if (auto e = source_problem(attachments::check_url(url, Media::image), at + ".url")) return e;
  out.kind = generation::AttachmentKind::image;
  out.detail = detail == "low" ? generation::ImageDetail::low
               : detail == "high" ? generation::ImageDetail::high
                                  : generation::ImageDetail::automatic;
  return std::nullopt;
}

std::optional<ApiError> read_file(const json& inner, const std::string& at, generation::Attachment& out) {
  std::string_view filename, file_id, file_data;
  if (auto e = string_field(inner, "filename", at, false, filename)) return e;
  if (auto e = string_field(inner, "file_id", at, false, file_id)) return e;
  if (auto e = string_field(inner, "file_data", at, false, file_data)) return e;
  if (field(inner, "file_id") && file_id.empty()) return bad(at + ".file_id must not be empty", at + ".file_id");
  out.kind = generation::AttachmentKind::file;
  if (field(inner, "file_data")) {
    const SourceCheck check = attachments::check_data_url(file_data, Media::pdf);
    if (auto e = source_problem(check, at + ".file_data")) return e;
    out.bytes = check.bytes;
    return std::nullopt;
  }
  if (!field(inner, "file_id")) {
    return bad(at + " needs file_data (a data:application/pdf;base64,... URL) or file_id", at);
  }
  return std::nullopt;  // by reference
}

std::optional<ApiError> read_audio(const json& inner, const std::string& at, generation::Attachment& out) {
  std::string_view data, format;
  if (auto e = string_field(inner, "data", at, true, data)) return e;
  if (auto e = string_field(inner, "format", at, true, format)) return e;
  if (format != "wav" && format != "mp3") {
    return bad(at + ".format must be wav or mp3, " + got(inner["format"]), at + ".format");
  }
  const SourceCheck check = attachments::check_raw_base64(data);
  if (auto e = source_problem(check, at + ".data")) return e;
  out.kind = generation::AttachmentKind::audio;
  out.audio_format = format == "mp3" ? generation::AudioFormat::mp3 : generation::AudioFormat::wav;
  out.bytes = check.bytes;
  return std::nullopt;
}

std::optional<ApiError> read_video(const json& inner, const std::string& at, generation::Attachment& out) {
  std::string_view url;
  if (auto e = string_field(inner, "url", at, true, url)) return e;
  const SourceCheck check = attachments::check_url(url, Media::video);
  if (auto e = source_problem(check, at + ".url")) return e;
  out.kind = generation::AttachmentKind::video;
  out.bytes = check.bytes;
  return std::nullopt;
}

}  // namespace

bool is_attachment_part(std::string_view type) {
  return type == "image_url" || type == "file" || type == "input_audio" || type == "video_url" || type == "input_video";
}

std::optional<ApiError> read_attachment(const json& part, const std::string& at, generation::Attachment& out) {
  const std::string type = string_or(part, "type");
  // The nested object named after the type, e.g. {"type":"image_url","image_url":{...}};
  // OpenRouter's legacy input_video carries a video_url object too (§2.1).
  const std::string key = type == "input_video" ? "video_url" : type;
  const std::string inner_at = at + "." + key;
  const json* inner = field(part, key.c_str());
  if (!inner || !inner->is_object()) return bad(inner_at + " must be an object", inner_at);
  if (key == "image_url") return read_image(*inner, inner_at, out);
  if (key == "file") return read_file(*inner, inner_at, out);
  if (key == "input_audio") return read_audio(*inner, inner_at, out);
  return read_video(*inner, inner_at, out);
}

std::size_t attachment_tokens(const json& messages) {
  std::size_t tokens = 0;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const json* content = field(messages[i], "content");
    if (!content || !content->is_array()) continue;
    for (std::size_t j = 0; j < content->size(); ++j) {
      const json& part = (*content)[j];
      if (!is_attachment_part(string_or(part, "type"))) continue;
      generation::Attachment a;
      if (!read_attachment(part, "messages[" + std::to_string(i) + "].content[" + std::to_string(j) + "]", a)) {
        tokens += generation::attachment_tokens(a);
      }
    }
  }
  return tokens;
}

}  // namespace siraya::mock::chat
