#include "core/http/base_url.h"

#include <arpa/inet.h>

#include <cctype>
#include <charconv>

namespace siraya::core::http {
namespace {

constexpr std::string_view kForm = "write it as http://host:port/path or https://host/path";

Unexpected<Error> bad_url(std::string_view text, std::string message,
                          std::string fix = std::string(kForm)) {
  return fail("http.bad_url", std::move(message), std::string(text), std::move(fix));
}

bool is_host_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '_';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string BaseUrl::authority() const {
  std::string out = ipv6 ? "[" + host + "]" : host;
  if (port != (https ? 443 : 80)) out += ":" + std::to_string(port);
  return out;
}

std::string BaseUrl::host_port() const {
  return (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::string BaseUrl::origin() const {
  return std::string(https ? "https://" : "http://") + authority();
}

std::string BaseUrl::to_string() const { return origin() + path; }

std::string BaseUrl::join(std::string_view request_path) const {
  if (request_path.empty()) return path.empty() ? "/" : path;
  if (request_path.front() == '/') return path + std::string(request_path);
  if (request_path.front() == '?') return (path.empty() ? "/" : path) + std::string(request_path);
  return path + "/" + std::string(request_path);
}

Result<BaseUrl> parse_base_url(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
      return bad_url(text, "base URL contains a space or a control character",
                     "percent-encode it or remove surrounding whitespace");
    }
  }
  const auto sep = text.find("://");
  if (sep == std::string_view::npos) return bad_url(text, "base URL has no scheme");
  BaseUrl url;
  const std::string scheme = lower(text.substr(0, sep));
  if (scheme == "https") {
    url.https = true;
  } else if (scheme != "http") {
    return bad_url(text, "unsupported scheme \"" + scheme + "\"", "use http:// or https://");
  }

  std::string_view rest = text.substr(sep + 3);
  const auto authority_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, authority_end);
  std::string_view path =
      authority_end == std::string_view::npos ? std::string_view{} : rest.substr(authority_end);
  if (authority.find('@') != std::string_view::npos) {
    return bad_url(text, "credentials in the base URL are not supported",
                   "remove user:password@ and send credentials as a header");
  }

  std::string_view port_text;
  bool has_port = false;
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return bad_url(text, "IPv6 literal lacks its closing ']'");
    url.host = std::string(authority.substr(1, close - 1));
    unsigned char buf[16];
    if (::inet_pton(AF_INET6, url.host.c_str(), buf) != 1) {
      return bad_url(text, "\"" + url.host + "\" is not an IPv6 address",
                     "write it as http://[::1]:8080/v1");
    }
    url.ipv6 = true;
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return bad_url(text, "unexpected text after the IPv6 literal");
      has_port = true;
      port_text = after.substr(1);
    }
  } else {
    const auto colon = authority.find(':');
    url.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) {
      has_port = true;
      port_text = authority.substr(colon + 1);
    }
    for (char c : url.host) {
      if (!is_host_char(c))
        return bad_url(text, "host \"" + url.host + "\" has an invalid character");
    }
  }
  if (url.host.empty()) return bad_url(text, "base URL has no host");

  url.port = url.https ? 443 : 80;
  if (has_port) {
    int port = 0;
    const auto* end = port_text.data() + port_text.size();
    const auto [ptr, ec] = std::from_chars(port_text.data(), end, port);
    if (port_text.empty() || ec != std::errc() || ptr != end || port < 1 || port > 65535) {
      return bad_url(text,
                     "port \"" + std::string(port_text) + "\" is not a number from 1 to 65535");
    }
    url.port = port;
  }

  if (path.find_first_of("?#") != std::string_view::npos) {
    return bad_url(text, "base URL has a query or fragment",
                   "put query parameters in each request path");
  }
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  url.path = std::string(path);
  return url;
}

}  // namespace siraya::core::http
