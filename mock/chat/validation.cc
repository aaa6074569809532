// Parameter checks for POST /v1/chat/completions (chat-completions.md §1, §3, §4). A field that is
// absent or null means "use the default" everywhere (every optional field is nullable in §1).
#include "mock/chat/validation.h"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>

#include "mock/catalog/model_check.h"
#include "mock/chat/json_checks.h"
#include "mock/json_fields.h"

namespace siraya::mock::chat {
namespace {

using nlohmann::json;

ApiError bad(std::string message, std::string param) { return invalid_request(std::move(message), std::move(param)); }

std::string number_text(double v) {
  std::string s = to_json_text(json(v));
  if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s.resize(s.size() - 2);
  return s;
}

std::optional<ApiError> check_number(const json& body, const char* key, double lo, double hi) {
  const json* v = field(body, key);
  if (!v) return std::nullopt;
  const std::string range = "between " + number_text(lo) + " and " + number_text(hi);
  if (!v->is_number()) return bad(std::string(key) + " must be a number " + range + ", " + got(*v), key);
  const double d = v->get<double>();
  if (!(d >= lo && d <= hi)) return bad(std::string(key) + " must be " + range + ", " + got(*v), key);
  return std::nullopt;
}

std::optional<ApiError> check_integer(const json& body, const char* key, std::int64_t lo, std::int64_t hi,
                                      const std::string& why = {}) {
  const json* v = field(body, key);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) return bad(std::string(key) + " must be an integer, " + got(*v), key);
  bool too_big = false;
  std::int64_t value = 0;
  if (v->is_number_unsigned()) {
    const auto u = v->get<std::uint64_t>();
    too_big = u > static_cast<std::uint64_t>(INT64_MAX);
    value = too_big ? INT64_MAX : static_cast<std::int64_t>(u);
  } else {
    value = v->get<std::int64_t>();
  }
  if (too_big || value < lo || value > hi) {
    const std::string range = hi == INT64_MAX ? "at least " + std::to_string(lo)
                                              : "between " + std::to_string(lo) + " and " + std::to_string(hi);
    return bad(std::string(key) + " must be " + range + why + ", " + got(*v), key);
  }
  return std::nullopt;
}

std::optional<ApiError> check_bool(const json& body, const char* key) {
  const json* v = field(body, key);
  if (v && !v->is_boolean()) return bad(std::string(key) + " must be a boolean, " + got(*v), key);
  return std::nullopt;
}

std::optional<ApiError> check_model(const json& body, const Catalog& catalog) {
  return resolve_model(body, catalog, "/v1/chat/completions").error;
}

std::optional<ApiError> check_stop(const json& body) {
  const json* v = field(body, "stop");
  if (!v || v->is_string()) return std::nullopt;
  if (!v->is_array()) return bad("stop must be a string or an array of strings, " + got(*v), "stop");
  if (v->size() > 4) return bad("stop may hold at most 4 sequences, got " + std::to_string(v->size()), "stop");
  for (std::size_t i = 0; i < v->size(); ++i) {
    const std::string at = "stop[" + std::to_string(i) + "]";
    if (!(*v)[i].is_string() || (*v)[i].get<std::string>().empty()) {
      return bad(at + " must be a non-empty string, " + got((*v)[i]), at);
    }
  }
  return std::nullopt;
}

bool valid_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (unsigned char c : name) {
    if (!std::isalnum(c) && c != '_' && c != '-') return false;
  }
  return true;
}

std::optional<ApiError> check_tools(const json& body, std::set<std::string>& names) {
  const json* v = field(body, "tools");
  if (!v) return std::nullopt;
  if (!v->is_array()) return bad("tools must be an array of tool definitions, " + got(*v), "tools");
  for (std::size_t i = 0; i < v->size(); ++i) {
    const json& tool = (*v)[i];
    const std::string at = "tools[" + std::to_string(i) + "]";
    if (!tool.is_object()) return bad(at + " must be an object, " + got(tool), at);
    auto type = tool.find("type");
    if (type == tool.end() || *type != "function") {
      return bad(at + ".type must be \"function\"" + (type == tool.end() ? std::string() : ", " + got(*type)), at + ".type");
    }
    auto fn = tool.find("function");
    if (fn == tool.end() || !fn->is_object()) return bad(at + ".function must be an object", at + ".function");
    auto name = fn->find("name");
    if (name == fn->end() || !name->is_string() || !valid_name(name->get<std::string>())) {
      return bad(at + ".function.name must be 1-64 characters of a-z, A-Z, 0-9, _ and -" +
                     (name == fn->end() ? std::string() : ", " + got(*name)),
                 at + ".function.name");
    }
    if (!names.insert(name->get<std::string>()).second) {
      return bad(at + ".function.name \"" + name->get<std::string>() + "\" is declared twice", at + ".function.name");
    }
    auto params = fn->find("parameters");
    if (params != fn->end() && !params->is_null() && !params->is_object()) {
      return bad(at + ".function.parameters must be a JSON Schema object, " + got(*params), at + ".function.parameters");
    }
  }
  return std::nullopt;
}

std::optional<ApiError> check_tool_choice(const json& body, const std::set<std::string>& names) {
  const json* v = field(body, "tool_choice");
  if (!v) return std::nullopt;
  if (v->is_string()) {
    const std::string mode = v->get<std::string>();
    if (mode != "none" && mode != "auto" && mode != "required") {
      return bad("tool_choice must be \"none\", \"auto\", \"required\" or {\"type\":\"function\",\"function\":{\"name\":...}}, " + got(*v),
                 "tool_choice");
    }
    if (mode == "required" && names.empty()) return bad("tool_choice is \"required\" but no tools were given", "tool_choice");
    return std::nullopt;
  }
  if (!v->is_object() || v->value("type", json()) != "function") {
    return bad("tool_choice objects must be {\"type\":\"function\",\"function\":{\"name\":...}} (siraya-mock does not support other forms), " +
                   got(*v),
               "tool_choice");
  }
  auto fn = v->find("function");
  if (fn == v->end() || !fn->is_object() || !fn->contains("name") || !(*fn)["name"].is_string()) {
    return bad("tool_choice.function.name is required", "tool_choice");
  }
  const std::string name = (*fn)["name"].get<std::string>();
  if (!names.count(name)) return bad("tool_choice names the function \"" + name + "\", which is not in tools", "tool_choice");
  return std::nullopt;
}

std::optional<ApiError> check_response_format(const json& body) {
  const json* v = field(body, "response_format");
  if (!v) return std::nullopt;
  if (!v->is_object() || !v->contains("type") || !(*v)["type"].is_string()) {
    return bad("response_format must be an object with a type (text, json_object or json_schema)", "response_format");
  }
  const std::string type = (*v)["type"].get<std::string>();
  if (type == "text" || type == "json_object") return std::nullopt;
  if (type == "json") {  // the gateway's legacy form (§4): optional schema
    const json* schema = field(*v, "schema");
    if (schema && !schema->is_object()) return bad("response_format.schema must be an object", "response_format.schema");
    return std::nullopt;
  }
  if (type != "json_schema") {
    return bad("response_format.type must be one of text, json_object, json_schema, got \"" + type + "\"", "response_format.type");
  }
  const json* js = field(*v, "json_schema");
  if (!js || !js->is_object()) return bad("response_format.json_schema is required for type json_schema", "response_format.json_schema");
  const json* name = field(*js, "name");
  if (!name || !name->is_string() || !valid_name(name->get<std::string>())) {
    return bad("response_format.json_schema.name must be 1-64 characters of a-z, A-Z, 0-9, _ and -", "response_format.json_schema.name");
  }
  const json* schema = field(*js, "schema");
  if (schema && !schema->is_object()) return bad("response_format.json_schema.schema must be an object", "response_format.json_schema.schema");
  return std::nullopt;
}

std::optional<ApiError> check_stream_options(const json& body) {
  if (auto e = check_bool(body, "stream")) return e;
  const json* v = field(body, "stream_options");
  if (!v) return std::nullopt;
  if (!v->is_object()) return bad("stream_options must be an object, " + got(*v), "stream_options");
  const json* usage = field(*v, "include_usage");
  if (usage && !usage->is_boolean()) return bad("stream_options.include_usage must be a boolean, " + got(*usage), "stream_options.include_usage");
  return std::nullopt;
}

std::optional<ApiError> check_sampling(const json& body, const Model& model) {
  if (auto e = check_number(body, "temperature", 0, 2)) return e;
  if (auto e = check_number(body, "top_p", 0, 1)) return e;
  if (auto e = check_number(body, "frequency_penalty", -2, 2)) return e;
  if (auto e = check_number(body, "presence_penalty", -2, 2)) return e;
  const std::string limit = " (the context length of " + std::string(model.id) + ")";
  if (auto e = check_integer(body, "max_tokens", 1, model.context_length, limit)) return e;
  if (auto e = check_integer(body, "max_completion_tokens", 1, model.context_length, limit)) return e;
  if (auto e = check_integer(body, "n", 1, kMaxChoices, " (siraya-mock generates at most 8 choices)")) return e;
  if (auto e = check_integer(body, "seed", INT64_MIN, INT64_MAX)) return e;
  if (auto e = check_bool(body, "logprobs")) return e;
  if (auto e = check_integer(body, "top_logprobs", 0, 20)) return e;
  if (const json* logprobs = field(body, "logprobs"); field(body, "top_logprobs") && !(logprobs && logprobs->get<bool>())) {
    return bad("top_logprobs requires logprobs to be true", "top_logprobs");
  }
  if (auto e = check_bool(body, "parallel_tool_calls")) return e;
  if (const json* user = field(body, "user"); user && !user->is_string()) return bad("user must be a string, " + got(*user), "user");
  return check_stop(body);
}

}  // namespace

std::optional<ApiError> validate_request(const json& body, const Catalog& catalog) {
  if (auto e = check_model(body, catalog)) return e;
  const json* messages = field(body, "messages");
  if (!messages) return bad("Missing required parameter: messages", "messages");
  if (auto e = validate_messages(*messages)) return e;
  if (auto e = check_sampling(body, *catalog.find(body["model"].get<std::string>()))) return e;
  if (auto e = check_stream_options(body)) return e;
  std::set<std::string> tool_names;
  if (auto e = check_tools(body, tool_names)) return e;
  if (auto e = check_tool_choice(body, tool_names)) return e;
  return check_response_format(body);
}

}  // namespace siraya::mock::chat
