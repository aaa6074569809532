// contract.*: what an answer owes its own request, judged on the final object (the buffered body,
// or the object a stream's deltas add up to, so both modes get the same verdict).
//  - tool calls name an offered tool, their arguments are a JSON object valid against that tool's
//    parameter schema (chat-completions.md §3, responses.md §3, messages.md §4);
//  - tool_choice is obeyed: none calls nothing, a named tool is the one called, required / any
//    calls something (unless the answer was cut by the token limit);
//  - parallel calls only where the request allows them;
//  - structured output (chat response_format, responses text.format) is JSON valid against the
//    request's schema (chat-completions.md §4, responses.md §4);
//  - chat: n choices; messages: a stop_sequence stop names one of the request's sequences.
// A schema marked strict binds the model; a non-strict one is a hint models may stray from, so
// its violations have ids of their own that only the strict profile makes errors.
#include <map>
#include <string>
#include <vector>

#include "core/schema/registry.h"
#include "core/json/bounded_parse.h"
#include "harness/checks/checks.h"

namespace siraya::harness {

namespace {

using nlohmann::json;

const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string str(const json* v) { return v && v->is_string() ? v->get<std::string>() : std::string(); }
bool is_true(const json* v) { return v && v->is_boolean() && v->get<bool>(); }

struct Tool {
  json schema;  // null: no parameters declared
  bool strict = false;
};

// What the request asks of tool calls, in dialect-neutral form.
struct ToolContract {
  std::map<std::string, Tool> tools;
  std::string choice = "auto";  // auto, none, required (any), named
  std::string named;
  bool parallel_allowed = true;
};

struct Call {
  std::string name;
  json arguments;             // the parsed arguments
  std::string arguments_text;  // as sent, when a string
  bool parsed = true;
  std::string location;
};

class Contract {
 public:
  Contract(bool streamed, core::Findings& findings) : streamed_(streamed), findings_(findings) {}
  bool streamed() const { return streamed_; }

  // `cut`: the answer ended at the token limit, so it may stop before its tool call or JSON ends.
  void tool_calls(const ToolContract& c, const std::vector<Call>& calls, const std::string& where, bool cut) {
    if (c.choice == "none" && !calls.empty()) {
      add("contract.tool_choice", where, "tool_choice is \"none\" but the answer calls " + calls.front().name,
          "answer in text when tool_choice is none");
    } else if (c.choice == "named" && !calls.empty()) {
      for (const Call& call : calls) {
        if (call.name != c.named) {
          add("contract.tool_choice", call.location,
              "tool_choice names " + c.named + " but the answer calls " + call.name, "call the named tool");
          break;
        }
      }
    } else if ((c.choice == "named" || c.choice == "required") && calls.empty() && !cut) {
      add("contract.tool_choice", where,
          c.choice == "named" ? "tool_choice names " + c.named + " but the answer calls no tool"
                              : "tool_choice requires a tool call but the answer calls none",
          "call a tool when tool_choice requires one");
    }
    if (!c.parallel_allowed && calls.size() > 1) {
      add("contract.parallel_tool_calls", where,
          std::to_string(calls.size()) + " tool calls although the request disallows parallel calls",
          "make at most one tool call per answer when parallel calls are off");
    }
    for (const Call& call : calls) check_call(c, call, cut);
  }

  // `text` must be JSON: an object for json_object, valid against `schema` when one is given.
  void structured(const std::string& text, const json* schema, bool strict, const std::string& where) {
    json value = core::json::parse_bounded(text);
    const std::string id = schema && !strict ? "contract.structured_output_nonstrict" : "contract.structured_output";
    if (value.is_discarded()) {
      add(id, where, "the output is not JSON: " + excerpt(text), "answer with one JSON document");
      return;
    }
    if (!schema) {
      if (!value.is_object()) add(id, where, "JSON mode output is not an object", "answer with a JSON object");
      return;
    }
    validate(*schema, value, where, id, "make the output valid against the request's schema");
  }

  void add(const std::string& id, const std::string& where, std::string what, std::string fix) {
    findings_.push_back({id, core::Severity::error, where, std::move(what), std::move(fix)});
  }

 private:
  void check_call(const ToolContract& c, const Call& call, bool cut) {
    auto tool = c.tools.find(call.name);
    if (tool == c.tools.end()) {
      add("contract.tool_unknown", call.location, "a call of " + excerpt(call.name) + ", which the request does not offer",
          "call only the tools the request offers");
      return;
    }
    if (!call.parsed) {
      // The stream checks already report arguments that are not JSON; a cut answer may end mid-JSON.
      if (!streamed_ && !cut) {
        add("contract.tool_arguments", call.location, "arguments are not JSON: " + excerpt(call.arguments_text),
            "send the arguments as a JSON object serialised to a string");
      }
      return;
    }
    if (!call.arguments.is_object()) {
      add("contract.tool_arguments", call.location, "arguments are JSON but not an object",
          "send the arguments as a JSON object");
      return;
    }
    if (tool->second.schema.is_object()) {
      validate(tool->second.schema, call.arguments, call.location,
               tool->second.strict ? "contract.tool_arguments" : "contract.tool_arguments_nonstrict",
               "make the arguments valid against the tool's parameter schema");
    }
  }

  void validate(const json& schema, const json& value, const std::string& where, const std::string& id,
                const std::string& fix) {
    auto result = core::schema::Registry::validate_inline(schema, value, where, id);
    if (!result) return;  // an invalid request schema is the request's problem, not the answer's
    for (auto& f : *result) {
      if (f.fix.empty()) f.fix = fix;
      findings_.push_back(std::move(f));
    }
  }

  static std::string excerpt(const std::string& s) {
    return s.size() <= 60 ? "\"" + s + "\"" : "\"" + s.substr(0, 57) + "...\"";
  }

  bool streamed_;
  core::Findings& findings_;
};

Call parse_call(std::string name, const json* arguments, std::string location) {
  Call call{std::move(name), json(), "", true, std::move(location)};
  if (arguments && arguments->is_string()) {
    call.arguments_text = arguments->get<std::string>();
    call.arguments = core::json::parse_bounded(call.arguments_text);
    call.parsed = !call.arguments.is_discarded();
  } else if (arguments) {
    call.arguments = *arguments;
  }
  return call;
}

// chat: tools[].function {name, parameters, strict}; tool_choice "none"/"auto"/"required" or
// {"type":"function","function":{"name"}}; parallel_tool_calls.
ToolContract chat_tools(const json& request) {
  ToolContract c;
  if (const json* tools = member(request, "tools"); tools && tools->is_array()) {
    for (const json& t : *tools) {
      const json* fn = member(t, "function");
      if (!fn) continue;
      const json* params = member(*fn, "parameters");
      c.tools[str(member(*fn, "name"))] = {params ? *params : json(), is_true(member(*fn, "strict"))};
    }
  }
  if (const json* choice = member(request, "tool_choice")) {
    if (choice->is_string()) c.choice = choice->get<std::string>();
    if (const json* fn = member(*choice, "function")) c.choice = "named", c.named = str(member(*fn, "name"));
  }
  if (const json* p = member(request, "parallel_tool_calls"); p && p->is_boolean()) c.parallel_allowed = p->get<bool>();
  return c;
}

void check_chat(const json& request, const json& body, Contract& contract, core::Findings& findings) {
  const json* choices = member(body, "choices");
  if (!choices || !choices->is_array()) return;  // the schema check reports it
  // A stream's checks already name the choices that never appeared.
  if (const json* n = member(request, "n"); !contract.streamed() && n && n->is_number_integer() && n->get<long long>() >= 1 &&
                                            choices->size() != n->get<std::size_t>()) {
    findings.push_back({"contract.choice_count", core::Severity::error, "body#/choices",
                        std::to_string(choices->size()) + " choices for n = " + std::to_string(n->get<long long>()),
                        "answer with n choices"});
  }
  const ToolContract tools = chat_tools(request);
  const json* format = member(request, "response_format");
  const std::string format_type = format ? str(member(*format, "type")) : "";
  for (std::size_t i = 0; i < choices->size(); ++i) {
    const json& choice = (*choices)[i];
    const std::string where = "body#/choices/" + std::to_string(i);
    const std::string finish = str(member(choice, "finish_reason"));
    const bool cut = finish == "length" || finish == "content_filter";
    const json* message = member(choice, "message");
    if (!message) continue;
    std::vector<Call> calls;
    if (const json* list = member(*message, "tool_calls"); list && list->is_array()) {
      for (std::size_t k = 0; k < list->size(); ++k) {
        const json* fn = member((*list)[k], "function");
        if (!fn) continue;
        calls.push_back(parse_call(str(member(*fn, "name")), member(*fn, "arguments"),
                                   where + "/message/tool_calls/" + std::to_string(k) + "/function/arguments"));
      }
    }
    if (!tools.tools.empty() || !calls.empty()) contract.tool_calls(tools, calls, where + "/message", cut);
    const json* content = member(*message, "content");
    const bool refused = member(*message, "refusal") && !member(*message, "refusal")->is_null();
    if (cut || refused || !calls.empty() || !content || !content->is_string()) continue;
    if (format_type == "json_schema") {
      const json* spec = member(*format, "json_schema");
      const json* schema = spec ? member(*spec, "schema") : nullptr;
      contract.structured(content->get<std::string>(), schema && schema->is_object() ? schema : nullptr,
                          spec && is_true(member(*spec, "strict")), where + "/message/content");
    } else if (format_type == "json_object" || format_type == "json") {
      const json* schema = member(*format, "schema");  // the legacy {"type":"json","schema":{...}}
      contract.structured(content->get<std::string>(), schema && schema->is_object() ? schema : nullptr, false,
                          where + "/message/content");
    }
  }
}

// responses: tools[] {type:"function", name, parameters, strict}; tool_choice "none"/"auto"/
// "required" or {"type":"function","name"}; parallel_tool_calls; text.format.
void check_responses(const json& request, const json& body, Contract& contract) {
  const json* output = member(body, "output");
  if (!output || !output->is_array()) return;
  ToolContract c;
  if (const json* tools = member(request, "tools"); tools && tools->is_array()) {
    for (const json& t : *tools) {
      if (str(member(t, "type")) != "function") continue;
      const json* params = member(t, "parameters");
      c.tools[str(member(t, "name"))] = {params ? *params : json(), is_true(member(t, "strict"))};
    }
  }
  if (const json* choice = member(request, "tool_choice")) {
    if (choice->is_string()) c.choice = choice->get<std::string>();
    if (str(member(*choice, "type")) == "function") c.choice = "named", c.named = str(member(*choice, "name"));
  }
  if (const json* p = member(request, "parallel_tool_calls"); p && p->is_boolean()) c.parallel_allowed = p->get<bool>();
  const bool cut = str(member(body, "status")) == "incomplete";
  std::vector<Call> calls;
  std::string text;
  bool has_text = false;
  for (std::size_t i = 0; i < output->size(); ++i) {
    const json& item = (*output)[i];
    const std::string type = str(member(item, "type"));
    if (type == "function_call") {
      calls.push_back(parse_call(str(member(item, "name")), member(item, "arguments"),
                                 "body#/output/" + std::to_string(i) + "/arguments"));
    } else if (type == "message") {
      const json* content = member(item, "content");
      if (!content || !content->is_array()) continue;
      for (const json& part : *content) {
        if (str(member(part, "type")) == "refusal") return;  // a refusal owes no structured output
        if (str(member(part, "type")) == "output_text") text += str(member(part, "text")), has_text = true;
      }
    }
  }
  const std::string where = "body#/output";
  if (!c.tools.empty() || !calls.empty()) contract.tool_calls(c, calls, where, cut);
  const json* text_spec = member(request, "text");
  const json* format = text_spec ? member(*text_spec, "format") : nullptr;
  if (!format || cut || !calls.empty() || !has_text || str(member(body, "status")) == "failed") return;
  const std::string type = str(member(*format, "type"));
  if (type == "json_schema") {
    const json* schema = member(*format, "schema");
    contract.structured(text, schema && schema->is_object() ? schema : nullptr, is_true(member(*format, "strict")),
                        where + " (output_text)");
  } else if (type == "json_object") {
    contract.structured(text, nullptr, false, where + " (output_text)");
  }
}

// messages: tools[] {name, input_schema, strict}; tool_choice {type: auto|any|tool|none, name,
// disable_parallel_tool_use}; stop_sequences.
void check_messages(const json& request, const json& body, Contract& contract) {
  const json* content = member(body, "content");
  if (!content || !content->is_array()) return;
  ToolContract c;
  if (const json* tools = member(request, "tools"); tools && tools->is_array()) {
    for (const json& t : *tools) {
      const json* schema = member(t, "input_schema");
      if (!schema) continue;  // server tools have no input_schema
      c.tools[str(member(t, "name"))] = {*schema, is_true(member(t, "strict"))};
    }
  }
  if (const json* choice = member(request, "tool_choice")) {
    const std::string type = str(member(*choice, "type"));
    c.choice = type == "any" ? "required" : type == "tool" ? "named" : type.empty() ? "auto" : type;
    c.named = str(member(*choice, "name"));
    c.parallel_allowed = !is_true(member(*choice, "disable_parallel_tool_use"));
  }
  const std::string stop_reason = str(member(body, "stop_reason"));
  std::vector<Call> calls;
  for (std::size_t i = 0; i < content->size(); ++i) {
    const json& block = (*content)[i];
    if (str(member(block, "type")) != "tool_use") continue;
    calls.push_back(parse_call(str(member(block, "name")), member(block, "input"),
                               "body#/content/" + std::to_string(i) + "/input"));
  }
  if (!c.tools.empty() || !calls.empty()) contract.tool_calls(c, calls, "body#/content", stop_reason == "max_tokens");
  if (stop_reason != "stop_sequence") return;
  const std::string matched = str(member(body, "stop_sequence"));
  if (const json* sequences = member(request, "stop_sequences"); sequences && sequences->is_array()) {
    for (const json& s : *sequences) {
      if (s.is_string() && s.get<std::string>() == matched) return;
    }
  }
  contract.add("contract.stop_sequence", "body#/stop_sequence",
               "stop_reason is stop_sequence but stop_sequence " + (matched.empty() ? std::string("is not set")
                                                                                  : "\"" + matched + "\" is not one of the request's stop_sequences"),
               "set stop_sequence to the request's sequence that ended the output");
}

// usage.total_mismatch: total = prompt + completion (chat), input + output (responses); reasoning
// tokens must fit in the completion / output count (chat-completions.md §5, responses.md §5).
// Streamed chat usage is the stream checks' (sse.chat.usage_sum).
void check_usage(std::string_view endpoint, const json& body, bool streamed, core::Findings& findings) {
  const json* usage = member(body, "usage");
  if (!usage || !usage->is_object() || (endpoint == "chat_completions" && streamed)) return;
  const bool chat = endpoint == "chat_completions";
  const json* in = member(*usage, chat ? "prompt_tokens" : "input_tokens");
  const json* out = member(*usage, chat ? "completion_tokens" : "output_tokens");
  const json* total = member(*usage, "total_tokens");
  const std::string in_name = chat ? "prompt_tokens" : "input_tokens";
  const std::string out_name = chat ? "completion_tokens" : "output_tokens";
  if (!in || !out || !in->is_number_integer() || !out->is_number_integer()) return;  // the schema's to report
  if (total && total->is_number_integer() && total->get<long long>() != in->get<long long>() + out->get<long long>()) {
    findings.push_back({"usage.total_mismatch", core::Severity::error, "body#/usage/total_tokens",
                        "total_tokens " + total->dump() + " is not " + in_name + " + " + out_name + " = " +
                            std::to_string(in->get<long long>() + out->get<long long>()),
                        "report total_tokens as the sum of " + in_name + " and " + out_name});
  }
  const json* details = member(*usage, chat ? "completion_tokens_details" : "output_tokens_details");
  const json* reasoning = details ? member(*details, "reasoning_tokens") : nullptr;
  if (reasoning && reasoning->is_number_integer() && reasoning->get<long long>() > out->get<long long>()) {
    findings.push_back({"usage.total_mismatch", core::Severity::error,
                        std::string("body#/usage/") + (chat ? "completion_tokens_details" : "output_tokens_details") +
                            "/reasoning_tokens",
                        "reasoning_tokens " + reasoning->dump() + " exceed " + out_name + " " + out->dump(),
                        "count reasoning tokens inside " + out_name});
  }
}

}  // namespace

core::Findings check_request_contract(std::string_view endpoint, const json& request, const json& response,
                                      bool streamed) {
  core::Findings findings;
  if (!request.is_object() || !response.is_object()) return findings;
  Contract contract(streamed, findings);
  if (endpoint == "chat_completions") check_chat(request, response, contract, findings);
  if (endpoint == "responses") check_responses(request, response, contract);
  if (endpoint == "messages") check_messages(request, response, contract);
  if (endpoint == "chat_completions" || endpoint == "responses") check_usage(endpoint, response, streamed, findings);
  return findings;
}

}  // namespace siraya::harness
