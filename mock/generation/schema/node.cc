#include "mock/generation/schema/node.h"

#include <cctype>

namespace siraya::mock::generation::schema {

using nlohmann::json;

const json* keyword(const Node& node, std::string_view key) {
  if (!node.schema || !node.schema->is_object()) return nullptr;
  auto it = node.schema->find(key);
  return it == node.schema->end() ? nullptr : &*it;
}

std::string append(std::string_view pointer, std::string_view token) {
  std::string out(pointer);
  out.push_back('/');
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Node child(const Node& node, std::string_view key) {
  return Node{keyword(node, key), append(node.pointer, key)};
}

Node child(const Node& node, std::string_view key, std::string_view token) {
  const json* container = keyword(node, key);
  const json* value = nullptr;
  if (container && container->is_object()) {
    auto it = container->find(token);
    if (it != container->end()) value = &*it;
  }
  return Node{value, append(append(node.pointer, key), token)};
}

Node child(const Node& node, std::string_view key, std::size_t index) {
  const json* container = keyword(node, key);
  const json* value = container && container->is_array() && index < container->size() ? &(*container)[index] : nullptr;
  return Node{value, append(append(node.pointer, key), std::to_string(index))};
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 3986 §2.1 percent-decoding of a URI fragment; false on a malformed escape.
bool percent_decode(std::string_view in, std::string& out) {
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out.push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) return false;
    const int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return true;
}

}  // namespace

core::Result<Node> resolve_ref(const json& root, const std::string& ref, const std::string& at) {
  if (ref.empty() || ref[0] != '#') {
    return unsupported(at, "$ref \"" + ref + "\" points outside this schema; only references within it (\"#/$defs/...\") are supported");
  }
  std::string pointer;
  if (!percent_decode(std::string_view(ref).substr(1), pointer)) {
    return invalid(at, "$ref \"" + ref + "\" has a malformed percent-escape");
  }
  if (!pointer.empty() && pointer[0] != '/') {
    return unsupported(at, "$ref \"" + ref + "\" names an anchor; only JSON-pointer references (\"#/$defs/...\") are supported");
  }
  const json* node = &root;
  std::string canonical;  // re-escaped, so that equal targets have equal pointers
  std::size_t pos = 1;
  while (pos <= pointer.size() && !pointer.empty()) {
    const std::size_t next = pointer.find('/', pos);
    std::string token = pointer.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    std::string decoded;
    for (std::size_t i = 0; i < token.size(); ++i) {
      if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
        decoded.push_back(token[i + 1] == '0' ? '~' : '/');
        ++i;
      } else {
        decoded.push_back(token[i]);
      }
    }
    const json* found = nullptr;
    if (node->is_object()) {
      auto it = node->find(decoded);
      if (it != node->end()) found = &*it;
    } else if (node->is_array() && !decoded.empty() &&
               decoded.find_first_not_of("0123456789") == std::string::npos && decoded.size() < 10) {
      const std::size_t index = std::stoul(decoded);
      if (index < node->size()) found = &(*node)[index];
    }
    if (!found) return invalid(at, "$ref \"" + ref + "\" points at nothing: there is no " + canonical + "/" + token + " in the schema");
    node = found;
    canonical = append(canonical, decoded);
    if (next == std::string::npos) break;
    pos = next + 1;
  }
  return Node{node, canonical};
}

namespace {

core::Unexpected<core::Error> make(const char* id, std::string pointer, std::string message, const char* fix) {
  return core::fail(id, std::move(message), std::move(pointer), fix);
}

}  // namespace

core::Unexpected<core::Error> invalid(std::string pointer, std::string message) {
  return make("schema.invalid", std::move(pointer), std::move(message), "correct the keyword: the schema is not valid JSON Schema");
}
core::Unexpected<core::Error> unsatisfiable(std::string pointer, std::string message) {
  return make("schema.unsatisfiable", std::move(pointer), std::move(message),
              "no JSON value satisfies the schema; relax or remove one of the conflicting keywords");
}
core::Unexpected<core::Error> unsupported(std::string pointer, std::string message) {
  return make("schema.unsupported", std::move(pointer), std::move(message),
              "simplify the keyword; docs/structured-output.md lists what the generator supports");
}
core::Unexpected<core::Error> too_large(std::string pointer, std::string message) {
  return make("schema.too_large", std::move(pointer), std::move(message),
              "lower the bound; docs/structured-output.md lists the generator's limits");
}

std::string show(const json& value) {
  std::string s = value.dump(-1, ' ', false, json::error_handler_t::replace);
  return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

}  // namespace siraya::mock::generation::schema
