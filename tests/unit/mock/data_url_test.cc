// Data URLs and http(s) URLs as attachments carry them (RFC 2397; mock/encoding/data_url.h).
#include <string>

#include <gtest/gtest.h>

#include "mock/encoding/data_url.h"

namespace siraya::mock::encoding {
namespace {

TEST(DataUrl, SplitsMediaTypeAndPayload) {
  const DataUrl d = parse_data_url("data:image/png;base64,iVBORw0KGgo=");
  ASSERT_TRUE(d.valid) << d.problem;
  EXPECT_EQ(d.media_type, "image/png");
  EXPECT_EQ(d.payload, "iVBORw0KGgo=");
}

TEST(DataUrl, SchemeAndMediaTypeAreCaseInsensitiveAndParametersAreIgnored) {
  const DataUrl d = parse_data_url("DATA:Application/PDF;name=report.pdf;BASE64,JVBERi0x");
  ASSERT_TRUE(d.valid) << d.problem;
  EXPECT_EQ(d.media_type, "application/pdf");
  EXPECT_EQ(d.payload, "JVBERi0x");
  EXPECT_TRUE(has_data_scheme("Data:text/plain,hi"));
  EXPECT_FALSE(has_data_scheme("dat:x"));
}

TEST(DataUrl, RefusesMalformedHeaders) {
  for (const char* url : {"https://example.com/a.png", "data:image/png,iVBORw0KGgo=", "data:image/png;base64",
                          "data:;base64,AAAA", "data:image;base64,AAAA", "data:image/;base64,AAAA",
                          "data:image/png;charset;base64,AAAA", "data:image/png;x=;base64,AAAA",
                          "data:image/p ng;base64,AAAA", "data:image/png;base64x,AAAA"}) {
    const DataUrl d = parse_data_url(url);
    EXPECT_FALSE(d.valid) << url;
    EXPECT_FALSE(d.problem.empty()) << url;
  }
}

TEST(DataUrl, PayloadIsOnlyLocated) {
  const DataUrl d = parse_data_url("data:image/png;base64,not base64, at all");
  ASSERT_TRUE(d.valid);
  EXPECT_EQ(d.payload, "not base64, at all");
}

TEST(HttpUrl, NeedsTheSchemeAHostAndNoWhiteSpace) {
  for (const char* url : {"https://example.com/cat.png", "http://localhost:8080/a", "HTTPS://EXAMPLE.COM", "https://a"}) {
    EXPECT_TRUE(is_http_url(url)) << url;
  }
  for (const char* url : {"", "https://", "http:///path", "https:/example.com", "ftp://example.com/a.png", "example.com/a.png",
                          "https://exa mple.com", "https://example.com/\n", "notaurl", "file:///etc/passwd"}) {
    EXPECT_FALSE(is_http_url(url)) << url;
  }
}

}  // namespace
}  // namespace siraya::mock::encoding
