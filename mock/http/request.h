#pragma once
// The request as endpoint code sees it: copied out of the HTTP library by the transport so that
// nothing outside mock/http/ depends on it.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace siraya::mock {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query string
  std::string query;   // what follows '?' in the request target, as sent; empty without one
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string request_id;  // the id the transport sends back in x-request-id / request-id

  // The first header named `lower_name` (lower case), if any.
  std::optional<std::string_view> header(std::string_view lower_name) const {
    for (const auto& [name, value] : headers) {
      if (name == lower_name) return std::string_view(value);
    }
    return std::nullopt;
  }
};

}  // namespace siraya::mock
