#include "harness/suite/suite_rules.h"

#include <cctype>
#include <map>
#include <regex>
#include <set>

#include "core/schema/registry.h"
#include "harness/suite/capabilities.h"
#include "harness/suite/json_path.h"
#include "harness/suite/variables.h"

namespace siraya::harness {

namespace {

using nlohmann::json;

const json* member(const json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

std::string child(const std::string& pointer, const std::string& key) { return pointer + "/" + escape_pointer_segment(key); }
std::string child(const std::string& pointer, std::size_t index) { return pointer + "/" + std::to_string(index); }

// A step's captures by name, for "used before captured" messages.
struct CaptureSite {
  std::size_t step;
  std::string pointer;
};

class Rules {
 public:
  Rules(const std::string& file, const core::schema::Registry& schemas, std::vector<core::Error>& out)
      : file_(file), schemas_(schemas), out_(out) {}

  void check(const json& doc) {
    suite_variables(member(doc, "variables"));
    if (const json* defaults = member(doc, "defaults")) {
      const std::set<std::string> defined = names_;
      if (const json* headers = member(*defaults, "headers")) references(*headers, "/defaults/headers", defined, {});
      trials(member(*defaults, "trials"), "/defaults/trials");
      capability_list(member(*defaults, "requires"), "/defaults/requires");
    }
    const json* cases = member(doc, "cases");
    if (cases == nullptr || !cases->is_array()) return;
    std::map<std::string, std::string> ids;
    for (std::size_t i = 0; i < cases->size(); ++i) {
      const json& c = (*cases)[i];
      const std::string at = child("/cases", i);
      if (const json* id = member(c, "id"); id != nullptr && id->is_string()) {
        auto [it, inserted] = ids.emplace(id->get<std::string>(), at);
        if (!inserted) {
          add("suite.duplicate_id", "duplicate case id \"" + it->first + "\" (also #" + it->second + ")",
              at + "/id", "give every case in a suite its own id");
        }
      }
      trials(member(c, "trials"), at + "/trials");
      capability_list(member(c, "requires"), at + "/requires");
      steps(c, at);
    }
  }

 private:
  void add(const char* id, std::string message, const std::string& pointer, std::string fix) {
    out_.push_back(core::Error{id, std::move(message), file_ + "#" + pointer, std::move(fix)});
  }

  void suite_variables(const json* variables) {
    names_.clear();
    names_.insert("api_key");  // is_builtin_variable()
    if (variables == nullptr || !variables->is_object()) return;
    for (auto it = variables->begin(); it != variables->end(); ++it) {
      names_.insert(it.key());
      if (it.value().is_string() && it.value().get_ref<const std::string&>().find("${") != std::string::npos) {
        add("suite.variable", "a variable's value is literal: ${...} inside it is not resolved",
            child("/variables", it.key()),
            "use the reference where the value is needed (\"Bearer ${secret:GATEWAY_KEY}\"), or pass --var " + it.key() +
                "=VALUE");
      }
    }
  }

  // ${...} references in every string inside `value`: each must name a variable, an earlier
  // step's capture, or the environment.
  void references(const json& value, const std::string& pointer, const std::set<std::string>& defined,
                  const std::map<std::string, CaptureSite>& later) {
    if (value.is_object()) {
      for (auto it = value.begin(); it != value.end(); ++it) references(it.value(), child(pointer, it.key()), defined, later);
      return;
    }
    if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) references(value[i], child(pointer, i), defined, later);
      return;
    }
    if (!value.is_string()) return;
    auto refs = variable_references(value.get<std::string>());
    if (!refs) {
      add("suite.variable", refs.error().message, pointer, refs.error().fix);
      return;
    }
    for (const auto& r : *refs) {
      if (r.kind != VariableRef::Kind::name || defined.count(r.name) != 0) continue;
      if (auto it = later.find(r.name); it != later.end()) {
        add("suite.capture",
            "${" + r.name + "} is used before it is captured (by step " + std::to_string(it->second.step + 1) + ", #" +
                it->second.pointer + ", once that step's response has arrived)",
            pointer, "use a captured value only in the steps after the one that captures it");
      } else {
        const std::string guess = nearest_name(r.name, std::vector<std::string>(defined.begin(), defined.end()));
        add("suite.variable", "unknown variable ${" + r.name + "}" + (guess.empty() ? "" : " (did you mean ${" + guess + "}?)"),
            pointer,
            "define \"" + r.name + "\" in the suite's \"variables\" (a default; --var " + r.name +
                "=VALUE overrides it), capture it in an earlier step, or write $${ for a literal ${");
      }
    }
  }

  void trials(const json* t, const std::string& pointer) {
    const json* runs = t != nullptr ? member(*t, "runs") : nullptr;
    const json* min = t != nullptr ? member(*t, "min_passes") : nullptr;
    if (runs == nullptr || min == nullptr || !runs->is_number_integer() || !min->is_number_integer()) return;
    if (min->get<long long>() > runs->get<long long>()) {
      add("suite.trials", "min_passes " + min->dump() + " is more than runs " + runs->dump() + ": the case could never pass",
          pointer + "/min_passes", "make min_passes at most runs");
    }
  }

  void capability_list(const json* list, const std::string& pointer) {
    if (list == nullptr || !list->is_array()) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const json& name = (*list)[i];
      if (!name.is_string() || is_known_capability(name.get<std::string>())) continue;
      std::vector<std::string> known;
      for (const auto& c : capability_catalog()) known.emplace_back(c.name);
      std::string lowered = name.get<std::string>();
      for (auto& ch : lowered) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      const std::string guess = nearest_name(lowered, known);
      add("suite.capability",
          "unknown capability \"" + name.get<std::string>() + "\"" + (guess.empty() ? "" : " (did you mean \"" + guess + "\"?)"),
          child(pointer, i),
          "use one of " + capability_names() + ", or a custom name starting with x-");
    }
  }

  void regex(const json* pattern, const std::string& pointer) {
    if (pattern == nullptr || !pattern->is_string()) return;
    try {
      std::regex re(pattern->get<std::string>(), std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      add("suite.regex", "invalid regular expression /" + pattern->get<std::string>() + "/: " + e.what(), pointer,
          "write an ECMAScript regular expression (escape backslashes in JSON: \"\\\\d\")");
    }
  }

  void pointer_syntax(const json* path, const std::string& pointer, bool wildcards) {
    if (path == nullptr || !path->is_string()) return;
    auto parsed = JsonPath::parse(path->get<std::string>());
    if (!parsed) {
      add("suite.pointer", parsed.error().message, pointer, parsed.error().fix);
    } else if (!wildcards && parsed->has_wildcard()) {
      add("suite.pointer", "\"" + path->get<std::string>() + "\": a capture takes one value, \"*\" is not allowed here",
          pointer, "name the element: \"/output/0/id\" instead of \"/output/*/id\"");
    }
  }

  void assertion(const json& a, const std::string& at, const std::set<std::string>& defined,
                 const std::map<std::string, CaptureSite>& later) {
    pointer_syntax(member(a, "path"), at + "/path", true);
    regex(member(a, "matches"), at + "/matches");
    for (const char* op : {"eq", "ne", "contains"}) {
      if (const json* operand = member(a, op)) references(*operand, at + "/" + op, defined, later);
    }
    for (const char* outer : {"each", "any"}) {
      if (const json* inner = member(a, outer); inner != nullptr && inner->is_object()) {
        const std::string in = at + "/" + outer;
        regex(member(*inner, "matches"), in + "/matches");
        for (const char* op : {"eq", "ne", "contains"}) {
          if (const json* operand = member(*inner, op)) references(*operand, in + "/" + op, defined, later);
        }
      }
    }
  }

  static bool streams(const json& step) {
    const json* expect = member(step, "expect");
    const json* stream = expect != nullptr ? member(*expect, "stream") : nullptr;
    if (stream != nullptr && stream->is_string()) return *stream != "none";
    const json* request = member(step, "request");
    const json* body = request != nullptr ? member(*request, "body") : nullptr;
    const json* flag = body != nullptr ? member(*body, "stream") : nullptr;
    return flag != nullptr && *flag == true;
  }

  void captures(const json& step, const std::string& at) {
    const json* capture = member(step, "capture");
    if (capture == nullptr || !capture->is_object()) return;
    for (auto it = capture->begin(); it != capture->end(); ++it) {
      const std::string where = child(at + "/capture", it.key());
      if (names_.count(it.key()) != 0) {
        add("suite.capture", "capture \"" + it.key() + "\" has the name of a variable, which it would hide", where,
            "give the captured value its own name");
      }
      pointer_syntax(member(it.value(), "body"), where + "/body", false);
      pointer_syntax(member(it.value(), "path"), where + "/path", false);
      if (const json* event = member(it.value(), "event"); event != nullptr && event->is_string() && !streams(step)) {
        add("suite.capture", "capture from the event \"" + event->get<std::string>() + "\" in a step that does not stream",
            where + "/event", "send \"stream\": true in the request body (or set expect.stream), or capture from the body");
      }
    }
  }

  void expectation(const json& expect, const std::string& at, const std::set<std::string>& defined,
                   const std::map<std::string, CaptureSite>& later) {
    if (const json* schema = member(expect, "schema"); schema != nullptr && schema->is_string() &&
                                                        !schemas_.has(schema->get<std::string>())) {
      add("suite.schema_id", "no schema \"" + schema->get<std::string>() + "\"", at + "/schema",
          "name a schema by its path under schemas/, e.g. \"chat/chat_completion.json\" (--schemas DIR adds your own)");
    }
    if (const json* headers = member(expect, "headers"); headers != nullptr && headers->is_object()) {
      for (auto it = headers->begin(); it != headers->end(); ++it) regex(&it.value(), child(at + "/headers", it.key()));
    }
    if (const json* error = member(expect, "error")) regex(member(*error, "message_matches"), at + "/error/message_matches");
    if (const json* list = member(expect, "assert"); list != nullptr && list->is_array()) {
      for (std::size_t i = 0; i < list->size(); ++i) assertion((*list)[i], child(at + "/assert", i), defined, later);
    }
  }

  void steps(const json& c, const std::string& at) {
    std::vector<std::pair<const json*, std::string>> list;
    if (const json* s = member(c, "steps"); s != nullptr && s->is_array()) {
      for (std::size_t j = 0; j < s->size(); ++j) list.emplace_back(&(*s)[j], child(at + "/steps", j));
    } else {
      list.emplace_back(&c, at);
    }
    std::map<std::string, CaptureSite> later;  // captured by this step or a later one
    for (std::size_t j = list.size(); j-- > 0;) {
      if (const json* capture = member(*list[j].first, "capture"); capture != nullptr && capture->is_object()) {
        for (auto it = capture->begin(); it != capture->end(); ++it) later[it.key()] = {j, child(list[j].second + "/capture", it.key())};
      }
    }
    std::set<std::string> defined = names_;
    for (std::size_t j = 0; j < list.size(); ++j) {
      const auto& [step, where] = list[j];
      std::map<std::string, CaptureSite> pending;
      for (const auto& [name, site] : later) {
        if (site.step >= j && defined.count(name) == 0) pending.emplace(name, site);
      }
      if (const json* request = member(*step, "request")) {
        for (const char* key : {"path", "headers", "body", "raw_body"}) {
          if (const json* v = member(*request, key)) references(*v, where + "/request/" + key, defined, pending);
        }
      }
      if (const json* expect = member(*step, "expect")) expectation(*expect, where + "/expect", defined, pending);
      captures(*step, where);
      if (const json* capture = member(*step, "capture"); capture != nullptr && capture->is_object()) {
        for (auto it = capture->begin(); it != capture->end(); ++it) defined.insert(it.key());
      }
    }
  }

  const std::string& file_;
  const core::schema::Registry& schemas_;
  std::vector<core::Error>& out_;
  std::set<std::string> names_;  // suite variables and built-ins
};

}  // namespace

bool is_builtin_variable(const std::string& name) { return name == "api_key"; }

std::vector<core::Error> check_rules(const json& doc, const std::string& file, const core::schema::Registry& schemas) {
  std::vector<core::Error> out;
  Rules(file, schemas, out).check(doc);
  return out;
}

}  // namespace siraya::harness
