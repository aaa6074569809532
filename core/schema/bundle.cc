// GCC 12 reports a false -Wmaybe-uninitialized inside <regex>'s std::function when built with
// the sanitizers (this file compiles `pattern` regexes); must precede every include.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "core/schema/bundle.h"

#include <deque>
#include <regex>
#include <vector>

namespace siraya::core::schema::detail {

namespace {

constexpr std::string_view kFilesKey = "x-siraya-files";

// Draft-07 keywords whose value is a schema, a map of schemas or an array of schemas
// (draft-handrews-json-schema-validation-01 §6.5-§6.7, core §8-§9).
constexpr std::string_view kSingle[] = {"additionalItems", "additionalProperties", "contains",
                                        "propertyNames", "if", "then", "else", "not"};
constexpr std::string_view kMaps[] = {"properties", "patternProperties", "definitions", "$defs",
                                      "dependencies"};
constexpr std::string_view kLists[] = {"allOf", "anyOf", "oneOf"};
// Schema-map keywords that hold schemas even next to a `$ref` (they are `$ref` targets).
constexpr std::string_view kDefinitionMaps[] = {"definitions", "$defs"};

bool is_schema_value(const nlohmann::json& v) { return v.is_object() || v.is_boolean(); }

// Calls f(child tokens) for each subschema directly inside `node` (an object schema).
template <class F>
void for_each_subschema(const nlohmann::json& node, bool definitions_only, const Tokens& at,
                        F&& f) {
  auto child = [&](std::initializer_list<std::string> extra) {
    Tokens t = at;
    t.insert(t.end(), extra);
    f(std::move(t));
  };
  for (auto key : definitions_only ? std::span<const std::string_view>(kDefinitionMaps)
                                   : std::span<const std::string_view>(kMaps)) {
    auto it = node.find(std::string(key));
    if (it == node.end() || !it->is_object()) continue;
    for (const auto& [name, value] : it->items()) {
      if (is_schema_value(value)) child({std::string(key), name});
    }
  }
  if (definitions_only) return;
  for (auto key : kSingle) {
    auto it = node.find(std::string(key));
    if (it != node.end() && is_schema_value(*it)) child({std::string(key)});
  }
  for (auto key : kLists) {
    auto it = node.find(std::string(key));
    if (it == node.end() || !it->is_array()) continue;
    for (std::size_t i = 0; i < it->size(); ++i) child({std::string(key), std::to_string(i)});
  }
  if (auto it = node.find("items"); it != node.end()) {
    if (is_schema_value(*it)) {
      child({"items"});
    } else if (it->is_array()) {
      for (std::size_t i = 0; i < it->size(); ++i) child({"items", std::to_string(i)});
    }
  }
}

std::string type_name(const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::boolean: return "boolean";
    case nlohmann::json::value_t::string: return "string";
    case nlohmann::json::value_t::array: return "array";
    case nlohmann::json::value_t::object: return "object";
    default: return "number";
  }
}

std::optional<std::string> check_regex(const std::string& pattern) {
  try {
    std::regex re(pattern);
    return std::nullopt;
  } catch (const std::regex_error& e) {
    return std::string(e.what());
  }
}

// "chat/chat_chunk.json" + "../common/usage.json" -> "common/usage.json"; nullopt when the path
// leaves the schemas folder.
std::optional<std::string> resolve_relative(const std::string& from, const std::string& path) {
  std::vector<std::string> parts;
  auto push_all = [&parts](std::string_view text) -> bool {
    std::size_t start = 0;
    while (start <= text.size()) {
      auto end = text.find('/', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view part = text.substr(start, end - start);
      if (part == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.emplace_back(part);
      }
      start = end + 1;
    }
    return true;
  };
  auto slash = from.rfind('/');
  if (slash != std::string::npos && !push_all(std::string_view(from).substr(0, slash))) {
    return std::nullopt;
  }
  if (!push_all(path)) return std::nullopt;
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// valijson percent-decodes pointer tokens after the ~ escapes (json_pointer.hpp), so a literal
// "%" must travel as "%25".
std::string fragment_token(std::string_view token) {
  std::string escaped = escape_token(token);
  std::string out;
  for (char c : escaped) {
    if (c == '%') {
      out += "%25";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

bool Bundler::walked(const std::string& doc, const std::string& pointer) const {
  auto it = walked_.find(doc);
  return it != walked_.end() && it->second.count(pointer) > 0;
}

std::optional<Problem> Bundler::resolve(const std::string& doc, const std::string& pointer,
                                        const std::string& ref, Target& out) const {
  const std::string at = pointer + "/$ref";
  auto hash = ref.find('#');
  std::string file = ref.substr(0, hash);
  std::string fragment = hash == std::string::npos ? "" : ref.substr(hash + 1);
  out.doc = doc;
  if (!file.empty()) {
    if (file.find("://") != std::string::npos || file.rfind("urn:", 0) == 0 || file[0] == '/') {
      return Problem{doc, at, "$ref \"" + ref + "\" is remote or absolute; only relative references are supported",
                     "refer to a file of the same schema set by a relative path, e.g. "
                     "\"../common/usage.json#/definitions/x\""};
    }
    auto path = resolve_relative(doc, file);
    if (!path) {
      return Problem{doc, at, "$ref \"" + ref + "\" leaves the schema folder",
                     "keep references inside the schema folder"};
    }
    if (docs_.find(*path) == docs_.end()) {
      return Problem{doc, at, "$ref \"" + ref + "\" names a missing file \"" + *path + "\"",
                     "add the file or correct the path (it is relative to the referring file)"};
    }
    out.doc = *path;
  }
  auto decoded = percent_decode(fragment);
  auto tokens = decoded ? split_pointer(*decoded) : std::nullopt;
  if (!tokens) {
    return Problem{doc, at, "$ref \"" + ref + "\" has a fragment that is not a JSON pointer",
                   "use a JSON-pointer fragment such as \"#/definitions/x\""};
  }
  if (find_node(docs_.find(out.doc)->second, *tokens) == nullptr) {
    return Problem{doc, at, "$ref \"" + ref + "\": nothing at #" + *decoded + " in \"" + out.doc + "\"",
                   "point the reference at an existing definition"};
  }
  out.tokens = std::move(*tokens);
  return std::nullopt;
}

std::optional<Problem> Bundler::analyse() {
  std::deque<std::pair<std::string, Tokens>> queue;
  for (const auto& [id, doc] : docs_) queue.emplace_back(id, Tokens{});
  while (!queue.empty()) {
    auto [doc, tokens] = std::move(queue.front());
    queue.pop_front();
    std::string pointer = join_pointer(tokens);
    if (!walked_[doc].insert(pointer).second) continue;
    const nlohmann::json* node = find_node(docs_.find(doc)->second, tokens);
    if (node == nullptr || node->is_boolean()) continue;
    if (!node->is_object()) {
      return Problem{doc, pointer, "a schema must be an object or a boolean, got " + type_name(*node),
                     "make it a JSON Schema object"};
    }
    // An init-capture: clang before 16 cannot capture a structured binding by name.
    auto enqueue = [&queue, &owner = doc](Tokens t) { queue.emplace_back(owner, std::move(t)); };
    if (auto ref = node->find("$ref"); ref != node->end()) {
      if (!ref->is_string()) {
        return Problem{doc, pointer + "/$ref", "$ref must be a string", "write the reference as a string"};
      }
      Target target;
      if (auto problem = resolve(doc, pointer, ref->get<std::string>(), target)) return problem;
      edges_[doc].insert(target.doc);
      queue.emplace_back(target.doc, target.tokens);
      refs_.emplace(std::make_pair(doc, pointer), std::move(target));
      for_each_subschema(*node, true, tokens, enqueue);
      continue;
    }
    if (auto p = node->find("pattern"); p != node->end() && p->is_string()) {
      if (auto error = check_regex(p->get<std::string>())) {
        return Problem{doc, pointer + "/pattern", "pattern is not a valid regular expression: " + *error,
                       "use an ECMA-262 regular expression"};
      }
    }
    if (auto pp = node->find("patternProperties"); pp != node->end() && pp->is_object()) {
      for (const auto& [key, value] : pp->items()) {
        if (auto error = check_regex(key)) {
          return Problem{doc, pointer + "/patternProperties/" + escape_token(key),
                         "patternProperties key is not a valid regular expression: " + *error,
                         "use an ECMA-262 regular expression"};
        }
      }
    }
    for_each_subschema(*node, false, tokens, enqueue);
  }
  return find_unguarded_cycle();
}

std::optional<Problem> Bundler::find_unguarded_cycle() const {
  using Node = std::pair<std::string, std::string>;  // (doc, pointer)
  // Successors that apply to the same instance as the node itself.
  auto in_place = [this](const Node& n) {
    std::vector<Node> out;
    if (auto ref = refs_.find(n); ref != refs_.end()) {
      out.emplace_back(ref->second.doc, join_pointer(ref->second.tokens));
      return out;  // draft-07: siblings of $ref are ignored
    }
    auto tokens = split_pointer(n.second);
    const nlohmann::json* node = tokens ? find_node(docs_.find(n.first)->second, *tokens) : nullptr;
    if (node == nullptr || !node->is_object()) return out;
    for (auto key : {"not", "if", "then", "else"}) {
      if (auto it = node->find(key); it != node->end() && it->is_object()) out.emplace_back(n.first, n.second + "/" + key);
    }
    for (auto key : kLists) {
      auto it = node->find(std::string(key));
      if (it == node->end() || !it->is_array()) continue;
      for (std::size_t i = 0; i < it->size(); ++i) out.emplace_back(n.first, n.second + "/" + std::string(key) + "/" + std::to_string(i));
    }
    return out;
  };
  enum class Mark { open, done };
  std::map<Node, Mark> marks;
  // Iterative depth-first search: schemas from requests may be deep.
  for (const auto& [doc, pointers] : walked_) {
    for (const auto& pointer : pointers) {
      Node start{doc, pointer};
      if (marks.count(start)) continue;
      std::vector<std::pair<Node, std::vector<Node>>> stack;
      marks[start] = Mark::open;
      stack.emplace_back(start, in_place(start));
      while (!stack.empty()) {
        auto& [node, next] = stack.back();
        if (next.empty()) {
          marks[node] = Mark::done;
          stack.pop_back();
          continue;
        }
        Node child = std::move(next.back());
        next.pop_back();
        auto mark = marks.find(child);
        if (mark == marks.end()) {
          marks[child] = Mark::open;
          auto successors = in_place(child);
          stack.emplace_back(std::move(child), std::move(successors));
        } else if (mark->second == Mark::open) {
          const bool via_ref = refs_.count(node) > 0;
          return Problem{node.first, node.second + (via_ref ? "/$ref" : ""),
                         "$ref cycle that never descends into a property or an item: validating "
                         "against it would never end",
                         "put the recursion under properties, items or additionalProperties"};
        }
      }
    }
  }
  return std::nullopt;
}

std::string Bundler::rewrite(const Target& target, const std::string& root, bool instrument) const {
  std::string out = "#";
  if (target.doc != root) out += "/definitions/" + std::string(kFilesKey) + "/" + fragment_token(target.doc);
  // Instrumentation inserts a first allOf branch into every walked schema object without
  // `$ref`, so a pointer through such an allOf moves by one.
  const nlohmann::json* node = &docs_.find(target.doc)->second;
  std::string pointer;
  bool shift_next = false;
  for (const auto& token : target.tokens) {
    std::string written = token;
    if (shift_next) written = std::to_string(std::stoul(token) + 1);
    shift_next = instrument && token == "allOf" && node != nullptr && node->is_object() &&
                 !node->contains("$ref") && walked(target.doc, pointer);
    out += "/" + fragment_token(written);
    pointer += "/" + escape_token(token);
    node = node != nullptr ? find_node(*node, Tokens{token}) : nullptr;
  }
  return out;
}

nlohmann::json Bundler::transform(const std::string& doc, const std::string& root, bool instrument,
                                  const nlohmann::json& node, const std::string& pointer) const {
  if (node.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < node.size(); ++i) {
      out.push_back(transform(doc, root, instrument, node[i], pointer + "/" + std::to_string(i)));
    }
    return out;
  }
  if (!node.is_object()) return node;
  const bool schema = walked(doc, pointer);
  auto ref = schema ? refs_.find(std::make_pair(doc, pointer)) : refs_.end();
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, value] : node.items()) {
    if (schema && (key == "format" || key == kBeginKeyword || key == kEndKeyword)) continue;
    if (ref != refs_.end() && key == "$ref") {
      out[key] = rewrite(ref->second, root, instrument);
      continue;
    }
    out[key] = transform(doc, root, instrument, value, pointer + "/" + escape_token(key));
  }
  if (schema && instrument && ref == refs_.end()) {
    const std::string path = doc + "#" + pointer;
    nlohmann::json branches = nlohmann::json::array({{{std::string(kBeginKeyword), path}}});
    auto all = out.find("allOf");
    if (all == out.end() || all->is_array()) {
      if (all != out.end()) {
        for (auto& b : *all) branches.push_back(std::move(b));
      }
      out["allOf"] = std::move(branches);
      out[std::string(kEndKeyword)] = path;
    }
  }
  return out;
}

nlohmann::json Bundler::bundle(const std::string& root, bool instrument) const {
  nlohmann::json out = transform(root, root, instrument, docs_.find(root)->second, "");
  std::set<std::string> reached;
  std::deque<std::string> queue{root};
  while (!queue.empty()) {
    std::string doc = std::move(queue.front());
    queue.pop_front();
    auto it = edges_.find(doc);
    if (it == edges_.end()) continue;
    for (const auto& next : it->second) {
      if (next != root && reached.insert(next).second) queue.push_back(next);
    }
  }
  if (reached.empty() || !out.is_object()) return out;
  nlohmann::json& definitions = out["definitions"];
  if (definitions.is_null()) definitions = nlohmann::json::object();
  if (!definitions.is_object()) return out;  // valijson rejects the schema on compile
  nlohmann::json& files = definitions[std::string(kFilesKey)];
  for (const auto& doc : reached) {
    files[doc] = transform(doc, root, instrument, docs_.find(doc)->second, "");
  }
  return out;
}

}  // namespace siraya::core::schema::detail
