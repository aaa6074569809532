#include "harness/suite/json_path.h"

#include <algorithm>

namespace siraya::harness {

namespace {

using nlohmann::json;

// RFC 6901 §4: an array index is "0" or digits without a leading zero.
std::optional<std::size_t> array_index(const std::string& segment) {
  if (segment.empty() || segment.size() > 18) return std::nullopt;
  if (segment.size() > 1 && segment[0] == '0') return std::nullopt;
  if (!std::all_of(segment.begin(), segment.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  return static_cast<std::size_t>(std::stoull(segment));
}

void walk(const std::vector<std::optional<std::string>>& segments, std::size_t at, const json& value,
          std::string pointer, std::vector<JsonPath::Match>& out) {
  if (at == segments.size()) {
    out.push_back({std::move(pointer), &value});
    return;
  }
  const auto& segment = segments[at];
  if (!segment) {
    if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) walk(segments, at + 1, value[i], pointer + "/" + std::to_string(i), out);
    } else if (value.is_object()) {
      for (auto it = value.begin(); it != value.end(); ++it) {
        walk(segments, at + 1, it.value(), pointer + "/" + escape_pointer_segment(it.key()), out);
      }
    }
    return;
  }
  if (value.is_object()) {
    auto it = value.find(*segment);
    if (it != value.end()) walk(segments, at + 1, *it, pointer + "/" + escape_pointer_segment(*segment), out);
  } else if (value.is_array()) {
    const auto index = array_index(*segment);
    if (index && *index < value.size()) walk(segments, at + 1, value[*index], pointer + "/" + *segment, out);
  }
}

}  // namespace

core::Result<JsonPath> JsonPath::parse(std::string_view text) {
  JsonPath path;
  path.text_ = std::string(text);
  if (text.empty()) return path;
  if (text.front() != '/') {
    return core::fail("suite.pointer", "\"" + std::string(text) + "\" is not a JSON Pointer: it must be empty or start with \"/\"",
                      "", "write \"/" + std::string(text) + "\" (RFC 6901: \"/choices/0/message\")");
  }
  std::size_t start = 1;
  while (true) {
    const std::size_t end = text.find('/', start);
    const std::string_view raw = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    std::string segment;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '~') {
        segment += raw[i];
        continue;
      }
      if (i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
        segment += raw[i + 1] == '0' ? '~' : '/';
        ++i;
        continue;
      }
      return core::fail("suite.pointer", "\"" + std::string(text) + "\" is not a JSON Pointer: \"~\" must be followed by 0 or 1",
                        "", "write ~0 for a literal \"~\" and ~1 for a \"/\" inside a member name (RFC 6901 §3)");
    }
    if (raw == "*") {
      path.segments_.emplace_back(std::nullopt);
    } else {
      path.segments_.emplace_back(std::move(segment));
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return path;
}

bool JsonPath::has_wildcard() const {
  return std::any_of(segments_.begin(), segments_.end(), [](const auto& s) { return !s.has_value(); });
}

std::vector<JsonPath::Match> JsonPath::find(const json& root) const {
  std::vector<Match> out;
  walk(segments_, 0, root, "", out);
  return out;
}

const json* JsonPath::find_one(const json& root) const {
  auto matches = find(root);
  return matches.empty() ? nullptr : matches.front().value;
}

std::string escape_pointer_segment(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

}  // namespace siraya::harness
