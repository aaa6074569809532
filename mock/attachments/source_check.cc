#include "mock/attachments/source_check.h"

#include <array>

#include "mock/encoding/base64.h"
#include "mock/encoding/data_url.h"

namespace siraya::mock::attachments {
namespace {

constexpr std::array<std::string_view, 4> kImageTypes{"image/png", "image/jpeg", "image/gif", "image/webp"};

SourceCheck problem(std::string text) { return SourceCheck{std::move(text), std::nullopt}; }

SourceCheck check_payload(std::string_view base64) {
  if (base64.empty()) return problem("has no data (the base64 payload is empty)");
  const encoding::Base64Check b = encoding::check_base64(base64);
  if (!b.valid) return problem("not valid base64: " + b.problem);
  return SourceCheck{{}, b.decoded_size};
}

}  // namespace

bool media_allowed(Media media, std::string_view media_type) {
  switch (media) {
    case Media::image:
      for (auto t : kImageTypes) {
        if (t == media_type) return true;
      }
      return false;
    case Media::pdf: return media_type == "application/pdf";
    case Media::video: return media_type.size() > 6 && media_type.substr(0, 6) == "video/";
  }
  return false;
}

std::string media_names(Media media) {
  switch (media) {
    case Media::image: return "image/png, image/jpeg, image/gif or image/webp";
    case Media::pdf: return "application/pdf";
    case Media::video: return "video/<subtype> (for example video/mp4)";
  }
  return {};
}

SourceCheck check_data_url(std::string_view url, Media media) {
  const encoding::DataUrl d = encoding::parse_data_url(url);
  if (!d.valid) return problem(d.problem);
  if (!media_allowed(media, d.media_type)) {
    return problem("the media type " + d.media_type + " is not supported; use " + media_names(media));
  }
  return check_payload(d.payload);
}

SourceCheck check_http_url(std::string_view url) {
  if (encoding::is_http_url(url)) return SourceCheck{};
  return problem("must be an http(s) URL");
}

SourceCheck check_url(std::string_view url, Media media) {
  if (encoding::has_data_scheme(url)) return check_data_url(url, media);
  if (encoding::is_http_url(url)) return SourceCheck{};
  return problem("must be an http(s) URL or a data:<type>;base64,<data> URL of " + media_names(media));
}

SourceCheck check_raw_base64(std::string_view data) {
  if (encoding::has_data_scheme(data)) return problem("not valid base64: raw base64 is expected here, not a data URL");
  return check_payload(data);
}

}  // namespace siraya::mock::attachments
