#pragma once
// Data URLs as attachments carry them (RFC 2397; chat-completions.md §2.1 image_url.url and
// file.file_data, responses.md §2 input_image.image_url and input_file.file_data):
// `data:<type>/<subtype>[;<name>=<value>]*;base64,<payload>`. Only the base64 form is an
// attachment; a percent-encoded data URL is refused.
#include <string>
#include <string_view>

namespace siraya::mock::encoding {

struct DataUrl {
  bool valid = false;
  std::string problem;      // when !valid, e.g. "has no ';base64,' before its data"
  std::string media_type;   // lower-cased "type/subtype", parameters dropped
  std::string_view payload; // the base64 text after the first ',' (not yet checked)
};

// Whether `url` starts with the scheme "data:" (ASCII case-insensitive, RFC 3986 §3.1).
bool has_data_scheme(std::string_view url);

// The parts of a data URL. Linear in the header (up to the first ','); the payload is only
// located, not read: check it with check_base64.
DataUrl parse_data_url(std::string_view url);

// Whether `url` is an absolute http:// or https:// URL with a host and no white space or control
// characters (the mock never fetches it). Linear, no regex.
bool is_http_url(std::string_view url);

}  // namespace siraya::mock::encoding
