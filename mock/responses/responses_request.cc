#include "mock/responses/responses_request.h"

#include <set>
#include <string>

#include "mock/catalog/model_check.h"
#include "mock/chat/json_checks.h"
#include "mock/generation/hash.h"
#include "mock/generation/json_hash.h"
#include "mock/generation/token_counter.h"
#include "mock/json_text.h"
#include "mock/json_fields.h"
#include "mock/responses/attachments.h"

namespace siraya::mock::responses {
namespace {

using nlohmann::json;

ApiError bad(std::string message, std::string param) { return invalid_request(std::move(message), std::move(param)); }

std::string index_param(std::size_t i) { return "input[" + std::to_string(i) + "]"; }

std::optional<ApiError> check_model(const json& body, const Catalog& catalog) {
  return resolve_model(body, catalog, "/v1/responses").error;
}

// responses.md §2: a function_call_output answers a function_call earlier in the same input
// (there is no stored conversation to find it in).
std::optional<ApiError> check_input(const json& body) {
  const json* input = field(body, "input");
  if (!input) return bad("Missing required parameter: input (a string or an array of input items)", "input");
  if (!input->is_array()) return std::nullopt;  // the schema reports other types
  if (input->empty()) return bad("input must contain at least one item", "input");
  std::set<std::string> call_ids;
  for (std::size_t i = 0; i < input->size(); ++i) {
    const json& item = (*input)[i];
    const std::string type = string_or(item, "type", item.is_object() && item.contains("role") ? "message" : "");
    if (type == "function_call") call_ids.insert(string_or(item, "call_id"));
    if (type == "function_call_output") {
      const std::string id = string_or(item, "call_id");
      if (!id.empty() && !call_ids.count(id)) {
        return bad("No function_call item with call_id \"" + id + "\" precedes this function_call_output; send the " +
                       "model's function_call item back before its output.",
                   index_param(i) + ".call_id");
      }
    }
    if (type == "item_reference") {
      return bad("item_reference items need stored responses, which this stateless gateway does not keep", index_param(i));
    }
  }
  return std::nullopt;
}

// Function tools are the ones the model can be told to call and the mock calls; namespace and
// hosted tools (web_search, ...) are accepted and never called (schemas/responses/responses_request.json).
bool is_function_tool(const json& tool) { return string_or(tool, "type") == "function"; }

std::optional<ApiError> check_tool_choice(const json& body) {
  std::set<std::string> names;
  if (const json* tools = field(body, "tools"); tools && tools->is_array()) {
    for (const auto& t : *tools) {
      if (is_function_tool(t)) names.insert(string_or(t, "name"));
    }
  }
  const json* v = field(body, "tool_choice");
  if (!v) return std::nullopt;
  if (v->is_string() && v->get<std::string>() == "required" && names.empty()) {
    return bad("tool_choice is \"required\" but no tools were given", "tool_choice");
  }
  if (v->is_object() && string_or(*v, "type") == "function") {
    const std::string name = string_or(*v, "name");
    if (!names.count(name)) return bad("tool_choice names the function \"" + name + "\", which is not in tools", "tool_choice.name");
  }
  return std::nullopt;
}

// Text of a message's content: the string, or the text of its text parts joined with "\n".
std::string content_text(const json& content) {
  if (content.is_string()) return content.get<std::string>();
  std::string out;
  if (content.is_array()) {
    for (const auto& part : content) {
      if (const json* t = field(part, "text"); t && t->is_string()) out += (out.empty() ? "" : "\n") + t->get<std::string>();
    }
  }
  return out;
}

OrderedJson echo_tools(const json* tools) {
  OrderedJson out = OrderedJson::array();
  if (!tools) return out;
  for (const auto& t : *tools) {
    if (!is_function_tool(t)) {  // namespace and hosted tools: echoed as sent
      out.push_back(OrderedJson(t));
      continue;
    }
    const json* description = field(t, "description");
    const json* parameters = field(t, "parameters");
    const json* strict = field(t, "strict");
    OrderedJson tool;
    tool["type"] = "function";
    tool["name"] = t["name"];
    tool["description"] = description ? OrderedJson(*description) : OrderedJson(nullptr);
    tool["parameters"] = parameters ? OrderedJson(*parameters) : OrderedJson(nullptr);
    tool["strict"] = strict ? OrderedJson(*strict) : OrderedJson(nullptr);
    out.push_back(std::move(tool));
  }
  return out;
}

// responses.md §4: a json_schema format is echoed with all of type, name, description, schema,
// strict present.
json echo_text(const json* text) {
  json format = {{"type", "text"}};
  if (const json* f = text ? field(*text, "format") : nullptr) {
    format = *f;
    if (string_or(*f, "type") == "json_schema") {
      if (!format.contains("description")) format["description"] = nullptr;
      if (!field(format, "strict")) format["strict"] = false;
    }
  }
  json out = {{"format", format}};
  if (const json* verbosity = text ? field(*text, "verbosity") : nullptr) out["verbosity"] = *verbosity;
  return out;
}

json value_or(const json& body, const char* key, json fallback) {
  const json* v = field(body, key);
  return v ? *v : fallback;
}

}  // namespace

std::optional<ApiError> validate_request(const json& body, const Catalog& catalog) {
  if (auto e = check_model(body, catalog)) return e;
  if (auto e = check_input(body)) return e;
  if (const json* input = field(body, "input")) {
    if (auto e = check_attachments(*input)) return e;
  }
  if (auto e = check_tool_choice(body)) return e;
  if (field(body, "previous_response_id")) {
    return bad("previous_response_id is not supported: this gateway is stateless; send the whole conversation in input",
               "previous_response_id");
  }
  return std::nullopt;
}

ResponsesRequest read_request(const json& body, std::uint64_t seed) {
  ResponsesRequest out;
  chat::ChatRequest& r = out.generation;
  r.model = body["model"].get<std::string>();
  if (const json* v = field(body, "stream")) out.stream = v->get<bool>();
  if (const json* v = field(body, "max_output_tokens")) r.max_tokens = v->get<std::int64_t>();

  // A string input is one user message; an array is read in place (it may hold 30 MB attachments).
  const json wrapped = body["input"].is_string()
                           ? json::array({{{"type", "message"}, {"role", "user"}, {"content", body["input"]}}})
                           : json();
  const json& input = body["input"].is_string() ? wrapped : body["input"];
  std::size_t tokens = 3;
  if (const json* v = field(body, "instructions")) tokens += 3 + generation::count_tokens(v->get<std::string>());
  for (const auto& item : input) {
    const std::string type = string_or(item, "type", "message");
    std::string text;
    if (type == "message") text = content_text(item["content"]);
    if (type == "function_call") text = string_or(item, "name") + " " + string_or(item, "arguments");
    if (type == "function_call_output") text = content_text(item["output"]);
    tokens += 3 + generation::count_tokens(text);
  }
  tokens += attachment_tokens(input);
  const json& last = input.back();
  if (string_or(last, "type", "message") == "message" && string_or(last, "role") == "user") {
    r.last_user_text = content_text(last["content"]);
  }
  for (auto it = input.rbegin(); it != input.rend() && string_or(*it, "type") == "function_call_output"; ++it) {
    r.after_tool_result = true;
    const std::string result = content_text((*it)["output"]);
    r.tool_result_text = r.tool_result_text.empty() ? result : result + "\n" + r.tool_result_text;
  }
  for (auto it = input.rbegin(); it != input.rend() && r.question_text.empty(); ++it) {
    if (string_or(*it, "type", "message") == "message" && string_or(*it, "role") == "user") {
      r.question_text = content_text((*it)["content"]);
    }
  }

  if (const json* tools = field(body, "tools")) {
    for (const auto& t : *tools) {
      if (!is_function_tool(t)) {
        tokens += generation::count_tokens(to_json_text(t));
        continue;
      }
      const json* params = field(t, "parameters");
      r.tools.push_back(chat::Tool{t["name"].get<std::string>(), params ? *params : json{{"type", "object"}}});
      tokens += generation::count_tokens(r.tools.back().name) + generation::count_tokens(to_json_text(r.tools.back().parameters));
    }
  }
  r.prompt_tokens = static_cast<std::int64_t>(tokens);
  r.tool_choice = chat::ToolChoice::automatic;
  if (const json* v = field(body, "tool_choice")) {
    if (v->is_string()) {
      const std::string mode = v->get<std::string>();
      r.tool_choice = mode == "none" ? chat::ToolChoice::none
                      : mode == "required" ? chat::ToolChoice::required
                                           : chat::ToolChoice::automatic;
    } else if (string_or(*v, "type") == "function") {
      r.tool_choice = chat::ToolChoice::named;
      r.tool_choice_name = string_or(*v, "name");
    }
  }
  if (r.tools.empty()) r.tool_choice = chat::ToolChoice::none;
  if (const json* v = field(body, "parallel_tool_calls")) r.parallel_tool_calls = v->get<bool>();
  const json* text = field(body, "text");
  if (const json* format = text ? field(*text, "format") : nullptr) {
    const std::string type = string_or(*format, "type", "text");
    if (type == "json_object") r.format = chat::OutputFormat::json_object;
    if (type == "json_schema") {
      r.format = chat::OutputFormat::json_schema;
      const json* schema = field(*format, "schema");
      r.format_schema = schema ? *schema : json{{"type", "object"}};
    }
  }
  const json* reasoning = field(body, "reasoning");
  out.reasoning_summary = reasoning && field(*reasoning, "summary");

  OrderedJson& e = out.echo;
  e["instructions"] = value_or(body, "instructions", nullptr);
  e["tools"] = echo_tools(field(body, "tools"));
  e["tool_choice"] = value_or(body, "tool_choice", "auto");
  e["parallel_tool_calls"] = value_or(body, "parallel_tool_calls", true);
  e["truncation"] = value_or(body, "truncation", "disabled");
  e["text"] = echo_text(text);
  if (reasoning) {
    e["reasoning"]["effort"] = value_or(*reasoning, "effort", nullptr);
    e["reasoning"]["summary"] = value_or(*reasoning, "summary", nullptr);
  } else {
    e["reasoning"] = nullptr;
  }
  e["temperature"] = value_or(body, "temperature", 1);
  e["top_p"] = value_or(body, "top_p", 1);
  e["presence_penalty"] = value_or(body, "presence_penalty", 0);
  e["frequency_penalty"] = value_or(body, "frequency_penalty", 0);
  e["top_logprobs"] = value_or(body, "top_logprobs", 0);
  e["max_output_tokens"] = value_or(body, "max_output_tokens", nullptr);
  e["max_tool_calls"] = value_or(body, "max_tool_calls", nullptr);
  e["store"] = value_or(body, "store", false);
  e["background"] = value_or(body, "background", false);
  e["metadata"] = value_or(body, "metadata", json::object());
  e["safety_identifier"] = value_or(body, "safety_identifier", nullptr);
  e["prompt_cache_key"] = value_or(body, "prompt_cache_key", nullptr);

  // Everything generated derives from this hash; max_output_tokens only cuts the answer, so it
  // is left out (as chat leaves out max_tokens). responses.md documents no `seed` parameter.
  const json dialect = "responses", model = r.model;
  r.content_hash = generation::mix64(generation::fnv1a_object(
      {{"dialect", &dialect}, {"model", &model}, {"input", &input}, {"instructions", field(body, "instructions")},
       {"tools", field(body, "tools")}, {"tool_choice", field(body, "tool_choice")}, {"text", field(body, "text")},
       {"reasoning", field(body, "reasoning")}},
      generation::mix64(seed)));
  return out;
}

}  // namespace siraya::mock::responses
