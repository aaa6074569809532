#include "mock/encoding/base64.h"

#include <array>
#include <cstdint>

namespace siraya::mock::encoding {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<bool, 256> make_alphabet_table() {
  std::array<bool, 256> table{};
  for (std::size_t i = 0; i < 64; ++i) table[static_cast<unsigned char>(kAlphabet[i])] = true;
  return table;
}
constexpr std::array<bool, 256> kInAlphabet = make_alphabet_table();

// "'!'" for printable ASCII, "byte 0x0a" otherwise (a message must stay readable and valid UTF-8).
std::string shown_character(unsigned char c) {
  if (c >= 0x20 && c < 0x7f) return std::string("character '") + static_cast<char>(c) + "'";
  static constexpr char kHex[] = "0123456789abcdef";
  return std::string("byte 0x") + kHex[c >> 4] + kHex[c & 15];
}

Base64Check problem(std::string text) { return Base64Check{false, 0, std::move(text)}; }

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
                            static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                            static_cast<unsigned char>(bytes[i + 2]);
    out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], kAlphabet[n & 63]};
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (rest == 2) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += kAlphabet[n >> 18];
    out += kAlphabet[(n >> 12) & 63];
    out += rest == 2 ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

Base64Check check_base64(std::string_view text) {
  // Padding: at most two "=" and only at the very end.
  std::size_t padding = 0;
  while (padding < text.size() && padding < 2 && text[text.size() - 1 - padding] == '=') ++padding;
  const std::size_t body = text.size() - padding;
  for (std::size_t i = 0; i < body; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (kInAlphabet[c]) continue;
    if (c == '=') return problem("padding '=' at offset " + std::to_string(i) + " before the end of the data");
    return problem(shown_character(c) + " at offset " + std::to_string(i) + " is not in the base64 alphabet (A-Z, a-z, 0-9, +, /)");
  }
  if (text.size() % 4 != 0) {
    return problem("its length, " + std::to_string(text.size()) + ", is not a multiple of 4 (is the '=' padding missing?)");
  }
  // A final quantum of "xx==" carries one byte, "xxx=" two.
  return Base64Check{true, text.size() / 4 * 3 - padding, {}};
}

}  // namespace siraya::mock::encoding
