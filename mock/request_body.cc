#include "mock/request_body.h"

#include <algorithm>
#include <cctype>

#include "core/json/bounded_parse.h"
#include "core/schema/registry.h"
#include "mock/json_syntax.h"

namespace siraya::mock {
namespace {

using nlohmann::json;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_json_media_type(std::string_view content_type) {
  const std::string media = lower(content_type.substr(0, content_type.find(';')));
  const auto end = media.find_last_not_of(" \t");
  const std::string_view m = std::string_view(media).substr(0, end == std::string::npos ? 0 : end + 1);
  return m == "application/json" || (m.size() > 5 && m.substr(m.size() - 5) == "+json");
}

std::string_view kind_of(const json& j) {
  switch (j.type()) {
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::null: return "null";
    default: return "a number";
  }
}

std::size_t depth_of(std::string_view pointer) {
  return static_cast<std::size_t>(std::count(pointer.begin(), pointer.end(), '/'));
}

}  // namespace

std::optional<ApiError> parse_json_object(const Request& request, json& out) {
  const auto content_type = request.header("content-type");
  if (!content_type || !is_json_media_type(*content_type)) {
    return invalid_request("Unsupported Content-Type " +
                           (content_type ? "\"" + std::string(*content_type) + "\"" : std::string("(none)")) +
                           ": send the request body as JSON with \"Content-Type: application/json\".");
  }
  if (core::json::too_deep(request.body)) {
    return invalid_request("Invalid JSON: the request body nests arrays and objects deeper than " +
                           std::to_string(core::json::kMaxJsonNesting) + " levels.");
  }
  out = json::parse(request.body, nullptr, false);
  if (out.is_discarded()) {
    if (request.body.empty()) return invalid_request("Invalid JSON: the request body is empty.");
    return invalid_request("Invalid JSON: " + json_syntax_error(request.body));
  }
  if (!out.is_object()) {
    return invalid_request("The request body must be a JSON object, got " + std::string(kind_of(out)) + ".");
  }
  return std::nullopt;
}

std::optional<std::string> pointer_to_param(std::string_view pointer, const json& instance) {
  if (pointer.empty() || pointer == "/") return std::nullopt;
  std::string param;
  const json* node = &instance;
  std::size_t pos = 1;
  while (pos <= pointer.size()) {
    const auto next = pointer.find('/', pos);
    std::string token(pointer.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
    // RFC 6901: "~1" is "/", "~0" is "~" (in that order).
    for (std::size_t i; (i = token.find("~1")) != std::string::npos;) token.replace(i, 2, "/");
    for (std::size_t i; (i = token.find("~0")) != std::string::npos;) token.replace(i, 2, "~");
    const bool is_index = node && node->is_array() && !token.empty() &&
                          std::all_of(token.begin(), token.end(), [](unsigned char c) { return std::isdigit(c); });
    if (is_index) {
      param += "[" + token + "]";
      const auto index = std::stoul(token);
      node = index < node->size() ? &(*node)[index] : nullptr;
    } else {
      if (!param.empty()) param += ".";
      param += token;
      if (node && node->is_object()) {
        auto it = node->find(token);
        node = it == node->end() ? nullptr : &*it;
      } else {
        node = nullptr;
      }
    }
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  return param;
}

std::optional<ApiError> check_against_schema(const core::schema::Registry& schemas,
                                             std::string_view schema_id, const json& body) {
  const core::Findings findings = schemas.validate(schema_id, body, "request");
  if (findings.empty()) return std::nullopt;
  // The deepest pointer is usually the most specific complaint (a oneOf failure at /messages/1
  // comes with the branch failures below it).
  const core::Finding* best = &findings.front();
  std::string best_pointer;
  for (const auto& f : findings) {
    const auto hash = f.location.find('#');
    const std::string pointer = hash == std::string::npos ? "" : f.location.substr(hash + 1);
    if (best == &findings.front() && &f == &findings.front()) best_pointer = pointer;
    if (depth_of(pointer) > depth_of(best_pointer)) {
      best = &f;
      best_pointer = pointer;
    }
  }
  auto param = pointer_to_param(best_pointer, body);
  std::string message = param ? "Invalid value for " + *param + ": " + best->what
                              : "Invalid request body: " + best->what;
  return invalid_request(std::move(message), std::move(param));
}

}  // namespace siraya::mock
