#include "mock/rules/rule_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/schema/registry.h"
#include "mock/json_syntax.h"

namespace siraya::mock::rules {
namespace {

using nlohmann::json;

constexpr std::string_view kSchemaId = "mock/rules.json";
constexpr std::string_view kId = "mock.rules";

bool is_generative(std::string_view endpoint) {
  return endpoint == "chat_completions" || endpoint == "responses" || endpoint == "messages";
}

// Reads a document that passed the schema; every problem the schema cannot see is an Error at
// its pointer. Stops at the first problem.
class Reader {
 public:
  explicit Reader(std::string where) : where_(std::move(where)) {}
  bool failed() const { return error_.has_value(); }
  core::Error error() const { return *error_; }

  void fail(const std::string& pointer, std::string message, std::string fix) {
    if (!error_) error_ = core::Error{std::string(kId), std::move(message), where_ + "#" + pointer, std::move(fix)};
  }

  TextMatcher matcher(const json& value, const std::string& pointer, TextMatcher::Kind plain) {
    TextMatcher m;
    if (value.is_string()) {
      m.kind = plain;
      m.text = value.get<std::string>();
      return m;
    }
    // The schema allows exactly one of equals / contains / regex.
    const std::string key = value.begin().key();
    m.text = value.begin()->get<std::string>();
    m.kind = key == "equals" ? TextMatcher::Kind::equals
             : key == "contains" ? TextMatcher::Kind::contains
                                 : TextMatcher::Kind::regex;
    if (m.kind == TextMatcher::Kind::regex) {
      try {
        // Breadth-first executor: no stack overflow on long message text (core/schema/compiled.h).
        m.pattern = std::regex(m.text, std::regex::ECMAScript | std::regex_constants::__polynomial);
      } catch (const std::regex_error& e) {
        fail(pointer + "/regex", "the regex \"" + m.text + "\" does not compile: " + e.what(),
             "write an ECMAScript regular expression (no backreferences), e.g. \"list( the)? files\"");
      }
    }
    return m;
  }

  void directive(Reply& reply, const std::string& pointer, const std::string& name, const json& value) {
    std::string text;
    if (value.is_boolean()) text = value.get<bool>() ? "true" : "false";
    else if (value.is_number_integer()) text = std::to_string(value.get<std::int64_t>());
    else if (value.is_string()) text = value.get<std::string>();
    auto set = faults::set_directive(reply.directives, name, text);
    if (!set) fail(pointer + "/" + name, set.error().message, "see docs/faults.md for the values of \"" + name + "\"");
  }

  Conditions when(const json& w, const std::string& p) {
    Conditions c;
    if (auto it = w.find("endpoint"); it != w.end()) {
      if (it->is_string()) c.endpoints.push_back(it->get<std::string>());
      else
        for (const auto& e : *it) c.endpoints.push_back(e.get<std::string>());
    }
    if (auto it = w.find("model"); it != w.end()) c.model = matcher(*it, p + "/model", TextMatcher::Kind::equals);
    if (auto it = w.find("headers"); it != w.end()) {
      for (const auto& [name, value] : it->items()) {
        std::string lower = name;
        for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        c.headers.emplace_back(lower, matcher(value, p + "/headers/" + name, TextMatcher::Kind::equals));
      }
    }
    if (auto it = w.find("user_text"); it != w.end()) {
      c.user_text = matcher(*it, p + "/user_text", TextMatcher::Kind::contains);
    }
    if (auto it = w.find("tool_result"); it != w.end()) {
      ToolResultCondition t;
      if (it->is_boolean()) {
        t.present = it->get<bool>();
      } else {
        if (it->contains("name")) t.name = (*it)["name"].get<std::string>();
        if (it->contains("content")) t.content = matcher((*it)["content"], p + "/tool_result/content", TextMatcher::Kind::contains);
      }
      c.tool_result = std::move(t);
    }
    if (auto it = w.find("tools_offered"); it != w.end()) c.tools_offered = it->get<std::vector<std::string>>();
    if (auto it = w.find("turn"); it != w.end()) {
      if (it->is_number_integer()) {
        c.turn_min = c.turn_max = it->get<int>();
      } else {
        if (it->contains("min")) c.turn_min = (*it)["min"].get<int>();
        if (it->contains("max")) c.turn_max = (*it)["max"].get<int>();
        if (c.turn_min && c.turn_max && *c.turn_min > *c.turn_max) {
          fail(p + "/turn", "turn.min " + std::to_string(*c.turn_min) + " is greater than turn.max " +
                                std::to_string(*c.turn_max), "swap them or drop one bound");
        }
      }
    }
    if (auto it = w.find("stream"); it != w.end()) c.stream = it->get<bool>();
    if (auto it = w.find("body"); it != w.end()) {  // the schema allows exactly one of equals / contains
      c.body_contains = it->begin().key() == "contains";
      c.body = *it->begin();
    }
    return c;
  }

  Reply reply(const json& r, const std::string& p) {
    Reply out;
    if (auto it = r.find("text"); it != r.end()) out.text = it->get<std::string>();
    if (auto it = r.find("json"); it != r.end()) out.json = it->dump();
    if (auto it = r.find("tool_calls"); it != r.end()) {
      for (const auto& call : *it) {
        out.tool_calls.push_back(ScriptedToolCall{call["name"].get<std::string>(),
                                                  call.contains("arguments") ? call["arguments"].dump() : "{}"});
      }
    }
    if (out.text && out.json) {
      fail(p + "/json", "a reply has either \"text\" or \"json\", not both", "keep one: \"json\" is sent as the text");
    }
    if (auto it = r.find("error"); it != r.end()) {
      if (out.has_content()) {
        fail(p + "/error", "an error reply cannot also have text, json or tool_calls",
             "drop the content, or use \"fault\" to break a scripted answer");
      }
      for (const auto& [name, value] : it->items()) {
        if (name == "message") out.error_message = value.get<std::string>();
        else directive(out, p + "/error", name, value);
      }
    }
    if (auto it = r.find("recorded"); it != r.end()) {
      if (r.size() > 1) {
        fail(p + "/recorded", "a recorded reply stands alone: no text, json, tool_calls, error, fault or timing with it",
             "drop the other fields (a recorded reply is sent back as it was recorded), or keep them in another rule");
      }
      out.recorded = std::make_shared<const RecordedReply>(recorded_from_json(*it));
    }
    for (const char* group : {"fault", "timing"}) {
      if (auto it = r.find(group); it != r.end()) {
        for (const auto& [name, value] : it->items()) directive(out, p + "/" + group, name, value);
      }
    }
    if (!failed()) {
      auto combined = faults::check_combination(out.directives);
      if (!combined) fail(p, combined.error().message, "see docs/faults.md, \"Rules that combine directives\"");
    }
    return out;
  }

  Rule rule(const json& r, std::size_t index) {
    const std::string p = "/rules/" + std::to_string(index);
    Rule rule;
    rule.name = r.contains("name") ? r["name"].get<std::string>() : "#" + std::to_string(index);
    rule.where = where_ + "#" + p;
    if (r.contains("when")) rule.when = when(r["when"], p + "/when");
    rule.reply = reply(r["reply"], p + "/reply");
    if (rule.reply.has_content()) {
      for (std::size_t k = 0; k < rule.when.endpoints.size(); ++k) {
        if (!is_generative(rule.when.endpoints[k])) {
          fail(p + "/when/endpoint", "endpoint \"" + rule.when.endpoints[k] + "\" cannot answer text, json or tool_calls",
               "restrict the rule to chat_completions, responses and messages, or reply with an error or fault");
        }
      }
    }
    return rule;
  }

 private:
  std::string where_;
  std::optional<core::Error> error_;
};

}  // namespace

core::Result<std::shared_ptr<const RuleSet>> parse_rules(std::string_view text, const std::string& where,
                                                         const core::schema::Registry* schemas) {
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    return core::fail(std::string(kId), "not JSON: " + json_syntax_error(text), where,
                      "fix the JSON syntax at the line and column given (a rules file is one JSON object)");
  }
  if (schemas) {
    if (!schemas->has(kSchemaId)) {
      return core::fail(std::string(kId), "schema " + std::string(kSchemaId) + " is missing", where,
                        "use the embedded schemas or give --schemas a folder that has mock/rules.json");
    }
    const core::Findings findings = schemas->validate(kSchemaId, doc, where, std::string(kId));
    if (!findings.empty()) {
      const core::Finding& first = findings.front();
      std::string message = first.what;
      if (findings.size() > 1) message += " (and " + std::to_string(findings.size() - 1) + " more problems)";
      return core::fail(std::string(kId), std::move(message), first.location,
                        first.fix.empty() ? "see docs/rules.md for the format" : first.fix);
    }
  } else if (!doc.is_object() || !doc.contains("rules") || !doc["rules"].is_array()) {
    return core::fail(std::string(kId), "a rules file is an object with a \"rules\" array", where, "see docs/rules.md");
  }
  auto set = std::make_shared<RuleSet>();
  Reader reader(where);
  try {
    const json& list = doc["rules"];
    for (std::size_t i = 0; i < list.size() && !reader.failed(); ++i) set->rules.push_back(reader.rule(list[i], i));
  } catch (const json::exception& e) {
    // Only reachable without the schema check: a field of the wrong type.
    return core::fail(std::string(kId), std::string("a field has the wrong type: ") + e.what(), where,
                      "validate the file against schemas/mock/rules.json");
  }
  if (reader.failed()) return core::Unexpected<core::Error>(reader.error());
  return std::shared_ptr<const RuleSet>(std::move(set));
}

namespace {

// A folder stands for the *.json files in it, in name order (a --record-to folder).
std::vector<std::string> expand_folders(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> inside;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
      const std::string name = entry.path().filename().string();
      if (entry.is_regular_file(ec) && name.size() > 5 && name[0] != '.' && name.ends_with(".json")) {
        inside.push_back(entry.path().string());
      }
    }
    std::sort(inside.begin(), inside.end());
    files.insert(files.end(), inside.begin(), inside.end());
  }
  return files;
}

}  // namespace

core::Result<std::shared_ptr<const RuleSet>> load_rules_files(const std::vector<std::string>& paths,
                                                              const core::schema::Registry& schemas) {
  auto all = std::make_shared<RuleSet>();
  for (const auto& path : expand_folders(paths)) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::fail(std::string(kId), "cannot read the rules file", path, "check the path given to --rules");
    std::ostringstream text;
    text << in.rdbuf();
    auto set = parse_rules(text.str(), path, &schemas);
    if (!set) return core::Unexpected<core::Error>(set.error());
    for (const auto& rule : (*set)->rules) all->rules.push_back(rule);
  }
  return std::shared_ptr<const RuleSet>(std::move(all));
}

}  // namespace siraya::mock::rules
