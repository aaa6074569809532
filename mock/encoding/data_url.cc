#include "mock/encoding/data_url.h"

#include <cctype>

namespace siraya::mock::encoding {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(text[i]) != prefix[i]) return false;
  }
  return true;
}

// RFC 2045 §5.1 token characters: printable ASCII except SPACE and tspecials.
bool token_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u <= 0x20 || u >= 0x7f) return false;
  return std::string_view("()<>@,;:\\\"/[]?=").find(c) == std::string_view::npos;
}

bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!token_char(c)) return false;
  }
  return true;
}

DataUrl bad(std::string problem) {
  DataUrl d;
  d.problem = std::move(problem);
  return d;
}

// Header text for a message, shortened.
std::string shown(std::string_view header) {
  std::string s(header.substr(0, 60));
  if (header.size() > 60) s += "...";
  for (char& c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
  }
  return s;
}

}  // namespace

bool has_data_scheme(std::string_view url) { return starts_with_nocase(url, "data:"); }

DataUrl parse_data_url(std::string_view url) {
  if (!has_data_scheme(url)) return bad("is not a data URL (data:<type>;base64,<data>)");
  const std::size_t comma = url.find(',');
  if (comma == std::string_view::npos) return bad("is a data URL without the ',' that starts its data");
  const std::string_view header = url.substr(5, comma - 5);
  const std::size_t last = header.rfind(';');
  if (last == std::string_view::npos || !starts_with_nocase(header.substr(last + 1), "base64") || header.size() - last - 1 != 6) {
    return bad("is a data URL that is not base64-encoded (expected data:<type>;base64,<data>, got \"data:" + shown(header) + ",\")");
  }
  const std::string_view type_and_params = header.substr(0, last);
  const std::string_view media = type_and_params.substr(0, type_and_params.find(';'));
  const std::size_t slash = media.find('/');
  if (slash == std::string_view::npos || !is_token(media.substr(0, slash)) || !is_token(media.substr(slash + 1))) {
    return bad("is a data URL whose media type \"" + shown(media) + "\" is not of the form type/subtype");
  }
  // Parameters (";name=value") are allowed and ignored, e.g. ";charset=utf-8".
  std::string_view params = type_and_params.substr(media.size());
  while (!params.empty()) {
    params.remove_prefix(1);  // ';'
    const std::string_view param = params.substr(0, params.find(';'));
    const std::size_t eq = param.find('=');
    if (eq == std::string_view::npos || !is_token(param.substr(0, eq)) || param.size() == eq + 1) {
      return bad("is a data URL with a malformed parameter \"" + shown(param) + "\" (expected name=value)");
    }
    params.remove_prefix(param.size());
  }
  DataUrl d;
  d.valid = true;
  d.media_type.reserve(media.size());
  for (char c : media) d.media_type += lower(c);
  d.payload = url.substr(comma + 1);
  return d;
}

bool is_http_url(std::string_view url) {
  std::size_t rest = 0;
  if (starts_with_nocase(url, "https://")) {
    rest = 8;
  } else if (starts_with_nocase(url, "http://")) {
    rest = 7;
  } else {
    return false;
  }
  if (rest >= url.size() || url[rest] == '/' || url[rest] == '?' || url[rest] == '#' || url[rest] == ':') return false;
  for (std::size_t i = rest; i < url.size(); ++i) {
    const auto c = static_cast<unsigned char>(url[i]);
    if (c <= 0x20 || c == 0x7f) return false;
  }
  return true;
}

}  // namespace siraya::mock::encoding
