#include "mock/responses/attachments.h"

#include <string>
#include <string_view>

#include "mock/attachments/source_check.h"
#include "mock/chat/json_checks.h"
#include "mock/generation/attachment_tokens.h"
#include "mock/json_fields.h"

namespace siraya::mock::responses {
namespace {

using attachments::Media;
using attachments::SourceCheck;
using generation::Attachment;
using nlohmann::json;

ApiError bad(std::string message, std::string param) { return invalid_request(std::move(message), std::move(param)); }

bool is_attachment_part(std::string_view type) { return type == "input_image" || type == "input_file" || type == "input_video"; }

// `part.key` as a string when present (null counts as absent); a 400 when it is another type.
std::optional<ApiError> string_field(const json& part, const char* key, const std::string& at, std::string_view& out,
                                     bool& present) {
  const json* v = field(part, key);
  present = v != nullptr;
  if (!v) return std::nullopt;
  const std::string param = at + "." + key;
  if (!v->is_string()) return bad(param + " must be a string, " + chat::got(*v), param);
  out = v->get_ref<const std::string&>();
  return std::nullopt;
}

std::optional<ApiError> source_problem(const SourceCheck& check, const std::string& param) {
  if (check.ok()) return std::nullopt;
  return bad(param + ": " + check.problem, param);
}

std::optional<ApiError> read_image(const json& part, const std::string& at, Attachment& out) {
  std::string_view url, file_id, detail = "auto";
  bool has_url = false, has_id = false, has_detail = false;
  if (auto e = string_field(part, "image_url", at, url, has_url)) return e;
  if (auto e = string_field(part, "file_id", at, file_id, has_id)) return e;
  if (auto e = string_field(part, "detail", at, detail, has_detail)) return e;
  if (detail != "auto" && detail != "low" && detail != "high") {
    return bad(at + ".detail must be one of low, high, auto, " + chat::got(part["detail"]), at + ".detail");
  }
  out.kind = generation::AttachmentKind::image;
  out.detail = detail == "low" ? generation::ImageDetail::low
               : detail == "high" ? generation::ImageDetail::high
                                  : generation::ImageDetail::automatic;
  if (has_url) return source_problem(attachments::check_url(url, Media::image), at + ".image_url");
  if (has_id && !file_id.empty()) return std::nullopt;
  if (has_id) return bad(at + ".file_id must not be empty", at + ".file_id");
  return bad(at + ".image_url is required (an http(s) or data:image/...;base64 URL), or file_id", at + ".image_url");
}

std::optional<ApiError> read_file(const json& part, const std::string& at, Attachment& out) {
  std::string_view filename, data, url, file_id;
  bool has_name = false, has_data = false, has_url = false, has_id = false;
  if (auto e = string_field(part, "filename", at, filename, has_name)) return e;
  if (auto e = string_field(part, "file_data", at, data, has_data)) return e;
  if (auto e = string_field(part, "file_url", at, url, has_url)) return e;
  if (auto e = string_field(part, "file_id", at, file_id, has_id)) return e;
  out.kind = generation::AttachmentKind::file;
  if (has_data) {
    const SourceCheck check = attachments::check_data_url(data, Media::pdf);
    out.bytes = check.bytes;
    return source_problem(check, at + ".file_data");
  }
  if (has_url) return source_problem(attachments::check_http_url(url), at + ".file_url");
  if (has_id && !file_id.empty()) return std::nullopt;
  if (has_id) return bad(at + ".file_id must not be empty", at + ".file_id");
  return bad(at + " needs file_data (a data:application/pdf;base64,... URL), file_url or file_id", at);
}

std::optional<ApiError> read_video(const json& part, const std::string& at, Attachment& out) {
  std::string_view url;
  bool has_url = false;
  if (auto e = string_field(part, "video_url", at, url, has_url)) return e;
  if (!has_url) return bad(at + ".video_url is required (an http(s) or data:video/...;base64 URL)", at + ".video_url");
  const SourceCheck check = attachments::check_url(url, Media::video);
  out.kind = generation::AttachmentKind::video;
  out.bytes = check.bytes;
  return source_problem(check, at + ".video_url");
}

std::optional<ApiError> read_attachment(const json& part, const std::string& at, Attachment& out) {
  const std::string type = string_or(part, "type");
  if (type == "input_image") return read_image(part, at, out);
  if (type == "input_file") return read_file(part, at, out);
  return read_video(part, at, out);
}

// Calls visit(part, at) for every attachment part of `input`, stopping at the first error.
template <typename Visit>
std::optional<ApiError> each_attachment(const json& input, Visit&& visit) {
  if (!input.is_array()) return std::nullopt;
  for (std::size_t i = 0; i < input.size(); ++i) {
    const json& item = input[i];
    // Message content (`type` may be omitted, §2) and function_call_output output.
    const char* key = string_or(item, "type") == "function_call_output" ? "output" : "content";
    const json* parts = field(item, key);
    if (!parts || !parts->is_array()) continue;
    for (std::size_t j = 0; j < parts->size(); ++j) {
      const json& part = (*parts)[j];
      if (!is_attachment_part(string_or(part, "type"))) continue;
      if (auto e = visit(part, "input[" + std::to_string(i) + "]." + key + "[" + std::to_string(j) + "]")) return e;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<ApiError> check_attachments(const json& input) {
  return each_attachment(input, [](const json& part, const std::string& at) {
    Attachment ignored;
    return read_attachment(part, at, ignored);
  });
}

std::size_t attachment_tokens(const json& input) {
  std::size_t tokens = 0;
  each_attachment(input, [&](const json& part, const std::string& at) -> std::optional<ApiError> {
    Attachment a;
    if (!read_attachment(part, at, a)) tokens += generation::attachment_tokens(a);
    return std::nullopt;
  });
  return tokens;
}

}  // namespace siraya::mock::responses
