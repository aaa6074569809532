#pragma once
// Private to core/http: the parsed form of ClientOptions::base_url and how request paths join it.
// Accepted form (RFC 3986 section 3, restricted): http|https "://" host [":" port] [path],
// host being a DNS name, an IPv4 address or a bracketed IPv6 literal; no userinfo, query or
// fragment.
#include <string>
#include <string_view>

#include "core/result.h"

namespace siraya::core::http {

struct BaseUrl {
  bool https = false;
  std::string host;  // without brackets for IPv6 literals
  int port = 0;      // explicit or the scheme's default
  std::string path;  // "" or "/v1": never ends with '/'
  bool ipv6 = false;

  // host[:port] as it belongs in the Host header (RFC 9110 section 7.2): brackets for IPv6, the
  // port only when it is not the scheme's default.
  std::string authority() const;
  // host:port for messages, always with the port.
  std::string host_port() const;
  // Scheme and authority: "https://gw.example".
  std::string origin() const;
  // Origin and path, without a trailing slash.
  std::string to_string() const;
  // The request target: base path + request path with exactly one '/' between them.
  std::string join(std::string_view request_path) const;
};

// Error http.bad_url (with a fix) for anything outside the accepted form.
Result<BaseUrl> parse_base_url(std::string_view text);

}  // namespace siraya::core::http
