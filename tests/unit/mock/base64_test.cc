// Standard base64 (RFC 4648 §4; mock/encoding/base64.h): encoding, and the strict check every
// attachment's data goes through.
#include <string>

#include <gtest/gtest.h>

#include "mock/encoding/base64.h"

namespace siraya::mock::encoding {
namespace {

TEST(Base64, EncodesWithPadding) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");  // RFC 4648 §10
}

TEST(Base64, ChecksTheDecodedSize) {
  for (const char* text : {"", "f", "fo", "foo", "foob", "fooba", "foobar"}) {
    const Base64Check c = check_base64(base64_encode(text));
    EXPECT_TRUE(c.valid) << text << ": " << c.problem;
    EXPECT_EQ(c.decoded_size, std::string(text).size()) << text;
  }
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte += static_cast<char>(b);
  const Base64Check c = check_base64(base64_encode(every_byte));
  EXPECT_TRUE(c.valid) << c.problem;
  EXPECT_EQ(c.decoded_size, 256u);
}

TEST(Base64, RefusesWhatAStrictDecoderRefuses) {
  struct Case {
    const char* text;
    const char* problem_starts;
  };
  for (const Case& c : {Case{"!!!notbase64", "character '!' at offset 0"},
                        Case{"@@@@", "character '@' at offset 0"},
                        Case{"Zm9v YmFy", "character ' ' at offset 4"},
                        Case{"Zm9v\nYmFy", "byte 0x0a at offset 4"},
                        Case{"Zm9-", "character '-' at offset 3"},   // URL-safe alphabet (§5)
                        Case{"Zm9_", "character '_' at offset 3"},
                        Case{"Zm9", "its length, 3,"},               // padding missing
                        Case{"Zg", "its length, 2,"},
                        Case{"Z", "its length, 1,"},
                        Case{"Zg=", "its length, 3,"},
                        Case{"Zg=a", "padding '=' at offset 2"},
                        Case{"Z===", "padding '=' at offset 1"},
                        Case{"====", "padding '=' at offset 0"},
                        Case{"Zg==Zg==", "padding '=' at offset 2"}}) {
    const Base64Check r = check_base64(c.text);
    EXPECT_FALSE(r.valid) << c.text;
    EXPECT_EQ(r.problem.rfind(c.problem_starts, 0), 0u) << c.text << ": " << r.problem;
  }
}

TEST(Base64, UnusedBitsNeedNotBeZero) {
  // RFC 4648 §3.5 lets a decoder accept "Zh==" for "Zg==" (the last 4 bits are not used).
  const Base64Check c = check_base64("Zh==");
  EXPECT_TRUE(c.valid);
  EXPECT_EQ(c.decoded_size, 1u);
}

TEST(Base64, ThirtyMegabytesInOnePass) {
  std::string text(30'000'000, 'A');
  EXPECT_EQ(check_base64(text).decoded_size, 22'500'000u);
  text[29'999'999] = '#';
  EXPECT_FALSE(check_base64(text).valid);
}

}  // namespace
}  // namespace siraya::mock::encoding
