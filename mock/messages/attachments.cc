#include "mock/messages/attachments.h"

#include <string>
#include <string_view>

#include "mock/attachments/source_check.h"
#include "mock/chat/json_checks.h"
#include "mock/generation/attachment_tokens.h"
#include "mock/json_fields.h"

namespace siraya::mock::messages {
namespace {

using attachments::Media;
using attachments::SourceCheck;
using generation::Attachment;
using nlohmann::json;

// messages.md §3 asks for the reason in the message: "<param>: <reason>".
ApiError bad(const std::string& param, const std::string& reason) { return invalid_request(param + ": " + reason, param); }

// `source.key` as a string; a 400 when absent (required) or of another type.
std::optional<ApiError> string_field(const json& source, const char* key, const std::string& at, bool required,
                                     std::string_view& out) {
  const std::string param = at + "." + key;
  const json* v = field(source, key);
  if (!v) return required ? std::optional<ApiError>(bad(param, "is required")) : std::nullopt;
  if (!v->is_string()) return bad(param, "must be a string, " + chat::got(*v));
  out = v->get_ref<const std::string&>();
  return std::nullopt;
}

std::optional<ApiError> source_problem(const SourceCheck& check, const std::string& param) {
  if (check.ok()) return std::nullopt;
  return bad(param, check.problem);
}

// {type: base64, media_type, data}: the media type from `media`, data raw base64.
std::optional<ApiError> read_base64(const json& source, const std::string& at, Media media, Attachment& out) {
  std::string_view media_type, data;
  if (auto e = string_field(source, "media_type", at, true, media_type)) return e;
  if (!attachments::media_allowed(media, media_type)) {
    return bad(at + ".media_type", chat::shown(source["media_type"]) + " is not supported; use " + attachments::media_names(media));
  }
  if (auto e = string_field(source, "data", at, true, data)) return e;
  const SourceCheck check = attachments::check_raw_base64(data);
  out.bytes = check.bytes;
  return source_problem(check, at + ".data");
}

std::optional<ApiError> read_url(const json& source, const std::string& at) {
  std::string_view url;
  if (auto e = string_field(source, "url", at, true, url)) return e;
  return source_problem(attachments::check_http_url(url), at + ".url");
}

// The source object and its type, or a 400.
std::optional<ApiError> source_of(const json& block, const std::string& at, const json*& source, std::string& type) {
  source = field(block, "source");
  if (!source || !source->is_object()) return bad(at + ".source", "must be an object with a type");
  std::string_view t;
  if (auto e = string_field(*source, "type", at + ".source", true, t)) return e;
  type = t;
  return std::nullopt;
}

std::optional<ApiError> read_image(const json& block, const std::string& at, Attachment& out) {
  const json* source = nullptr;
  std::string type;
  if (auto e = source_of(block, at, source, type)) return e;
  out.kind = generation::AttachmentKind::image;
  const std::string sat = at + ".source";
  if (type == "base64") return read_base64(*source, sat, Media::image, out);
  if (type == "url") return read_url(*source, sat);
  return bad(sat + ".type", "must be base64 or url for an image, got \"" + type + "\"");
}

// The text of a content source: a string, or its text blocks joined with "\n".
std::string content_source_text(const json& content) {
  if (content.is_string()) return content.get<std::string>();
  std::string out;
  if (!content.is_array()) return out;
  for (const auto& b : content) {
    if (string_or(b, "type") == "text") out += (out.empty() ? "" : "\n") + string_or(b, "text");
  }
  return out;
}

std::optional<ApiError> read_document(const json& block, const std::string& at, Attachment& out) {
  const json* source = nullptr;
  std::string type;
  if (auto e = source_of(block, at, source, type)) return e;
  const std::string sat = at + ".source";
  out.kind = generation::AttachmentKind::file;
  if (type == "base64") return read_base64(*source, sat, Media::pdf, out);
  if (type == "url") return read_url(*source, sat);
  out.kind = generation::AttachmentKind::text;
  if (type == "text") {
    std::string_view media_type = "text/plain", data;
    if (auto e = string_field(*source, "media_type", sat, false, media_type)) return e;
    if (media_type != "text/plain") return bad(sat + ".media_type", "must be text/plain for a text source");
    if (auto e = string_field(*source, "data", sat, true, data)) return e;
    out.text = data;
    return std::nullopt;
  }
  if (type == "content") {
    const json* content = field(*source, "content");
    if (!content || !(content->is_string() || content->is_array())) {
      return bad(sat + ".content", "must be a string or an array of content blocks");
    }
    out.text = content_source_text(*content);
    return std::nullopt;
  }
  return bad(sat + ".type", "must be base64, text, url or content for a document, got \"" + type + "\"");
}

std::optional<ApiError> read_attachment(const json& block, const std::string& at, Attachment& out) {
  return string_or(block, "type") == "image" ? read_image(block, at, out) : read_document(block, at, out);
}

// Calls visit(block, at) for every image and document block in `blocks`, and, `depth` levels
// down, in tool_result content and in a document's content source. Recursion is bounded by
// `depth`, never by the size of the request.
template <typename Visit>
std::optional<ApiError> each_block(const json& blocks, const std::string& at, int depth, Visit& visit) {
  if (!blocks.is_array()) return std::nullopt;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const json& block = blocks[k];
    const std::string bat = at + "[" + std::to_string(k) + "]";
    const std::string type = string_or(block, "type");
    if (type == "image" || type == "document") {
      if (auto e = visit(block, bat)) return e;
    }
    if (depth == 0) continue;
    if (type == "tool_result") {
      if (const json* content = field(block, "content")) {
        if (auto e = each_block(*content, bat + ".content", depth - 1, visit)) return e;
      }
    }
    if (type == "document") {
      const json* source = field(block, "source");
      const json* content = source ? field(*source, "content") : nullptr;
      if (content && string_or(*source, "type") == "content") {
        if (auto e = each_block(*content, bat + ".source.content", depth - 1, visit)) return e;
      }
    }
  }
  return std::nullopt;
}

template <typename Visit>
std::optional<ApiError> each_attachment(const json& messages, Visit visit) {
  if (!messages.is_array()) return std::nullopt;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const json* content = field(messages[i], "content");
    if (!content) continue;
    if (auto e = each_block(*content, "messages[" + std::to_string(i) + "].content", 2, visit)) return e;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ApiError> check_attachments(const json& messages) {
  return each_attachment(messages, [](const json& block, const std::string& at) {
    Attachment ignored;
    return read_attachment(block, at, ignored);
  });
}

std::size_t attachment_tokens(const json& messages) {
  std::size_t tokens = 0;
  each_attachment(messages, [&](const json& block, const std::string& at) -> std::optional<ApiError> {
    Attachment a;
    if (!read_attachment(block, at, a)) tokens += generation::attachment_tokens(a);
    return std::nullopt;
  });
  return tokens;
}

}  // namespace siraya::mock::messages
