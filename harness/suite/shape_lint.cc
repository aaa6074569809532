// lint_shapes() (harness/suite/suite_rules.h): unknown assertion operators get a message that
// names the operator and the nearest known one, where the schema could only say "not allowed";
// the either-or shapes of cases and captures get one that says which parts clash.
#include <algorithm>
#include <array>
#include <string_view>

#include "core/text/edit_distance.h"
#include "harness/suite/json_path.h"
#include "harness/suite/suite_rules.h"

namespace siraya::harness {

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 14> kOperators{"eq", "ne", "lt", "le", "gt", "ge", "matches",
                                                      "type", "exists", "absent", "length", "contains", "each", "any"};
constexpr std::array<std::string_view, 10> kInnerOperators{"eq", "ne", "lt", "le", "gt", "ge",
                                                           "matches", "type", "length", "contains"};

template <std::size_t N>
std::string list(const std::array<std::string_view, N>& names) {
  std::string out;
  for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

template <std::size_t N>
std::string nearest(std::string_view key, const std::array<std::string_view, N>& names) {
  return nearest_name(key, std::vector<std::string>(names.begin(), names.end()));
}

struct Linter {
  const std::string& file;
  std::vector<LintProblem>& out;

  void add(const std::string& pointer, const std::string& covers, std::string message, std::string fix) {
    out.push_back({core::Error{"suite.operator", std::move(message), file + "#" + pointer, std::move(fix)}, file + "#" + covers});
  }

  // `below`: the schema's violations inside the element say the same (a capture's oneOf); a case's
  // are its own problems.
  void shape(const std::string& pointer, std::string message, std::string fix, bool below) {
    out.push_back({core::Error{"suite.shape", std::move(message), file + "#" + pointer, std::move(fix)}, file + "#" + pointer, below});
  }

  void case_shape(const json& c, const std::string& at) {
    if (!c.contains("steps")) return;
    std::string clash;
    for (const char* key : {"request", "expect"}) {
      if (c.contains(key)) clash += (clash.empty() ? "" : " and ") + std::string(key);
    }
    if (clash.empty()) return;
    shape(at, "the case has both \"steps\" and " + clash + "; a case is either one request with its expect, or steps",
          "move the request and expect into the first step, or drop \"steps\"", false);
  }

  void capture_shape(const json& step, const std::string& at) {
    if (!step.is_object() || !step.contains("capture") || !step["capture"].is_object()) return;
    for (auto it = step["capture"].begin(); it != step["capture"].end(); ++it) {
      if (!it.value().is_object()) continue;
      const std::string where = at + "/capture/" + escape_pointer_segment(it.key());
      std::vector<std::string> sources;
      for (const char* key : {"body", "header", "event"}) {
        if (it.value().contains(key)) sources.emplace_back(key);
      }
      const std::string fix = "write one of {\"body\": \"/id\"}, {\"header\": \"x-request-id\"} or "
                              "{\"event\": \"response.completed\", \"path\": \"/response/id\"}";
      if (sources.size() > 1) {
        shape(where, "capture \"" + it.key() + "\" has several sources (" + sources[0] + ", " + sources[1] + ")", fix, true);
      } else if (sources.empty()) {
        shape(where, "capture \"" + it.key() + "\" names no source", fix, true);
      } else if (it.value().contains("path") && sources[0] != "event") {
        shape(where, "capture \"" + it.key() + "\": \"path\" belongs to an event capture only", fix, true);
      }
    }
  }

  void inner(const json& operand, const std::string& pointer, const std::string& covers, const std::string& outer) {
    if (!operand.is_object()) return;
    for (auto it = operand.begin(); it != operand.end(); ++it) {
      const std::string& key = it.key();
      if (std::find(kInnerOperators.begin(), kInnerOperators.end(), key) != kInnerOperators.end()) continue;
      const std::string at = pointer + "/" + escape_pointer_segment(key);
      if (key == "path") {
        add(at, covers, "the assertion inside \"" + outer + "\" has a path; it applies to every match of the outer path",
            "put the whole path in the outer assertion: {\"path\": \"/choices/*/index\", \"" + outer + "\": {\"ge\": 0}}");
      } else if (std::find(kOperators.begin(), kOperators.end(), key) != kOperators.end()) {
        add(at, covers, "\"" + key + "\" is not allowed inside \"" + outer + "\"",
            "use one of " + list(kInnerOperators) + " inside " + outer + "; write exists/absent as their own assertion");
      } else {
        const std::string guess = nearest(key, kInnerOperators);
        add(at, covers, "unknown assertion operator \"" + key + "\"" + (guess.empty() ? "" : " (did you mean \"" + guess + "\"?)"),
            "use one of " + list(kInnerOperators));
      }
    }
  }

  void assertions(const json& expect, const std::string& pointer) {
    if (!expect.is_object()) return;
    auto it = expect.find("assert");
    if (it == expect.end() || !it->is_array()) return;
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& a = (*it)[i];
      if (!a.is_object()) continue;
      const std::string at = pointer + "/assert/" + std::to_string(i);
      std::vector<std::string> ops;
      for (auto k = a.begin(); k != a.end(); ++k) {
        if (std::find(kOperators.begin(), kOperators.end(), k.key()) != kOperators.end()) ops.push_back(k.key());
      }
      if (ops.size() > 1) {
        add(at + "/" + ops[1], at, "the assertion has several operators (" + ops[0] + ", " + ops[1] + ")",
            "write one assertion per operator, each with its own \"path\"");
      } else if (ops.empty() && a.size() == 1 && a.contains("path")) {
        add(at, at, "the assertion has a path but no operator", "add one operator: " + list(kOperators));
      }
      for (auto k = a.begin(); k != a.end(); ++k) {
        const std::string& key = k.key();
        if (key == "path") continue;
        if (key == "each" || key == "any") {
          inner(k.value(), at + "/" + key, at, key);
          continue;
        }
        if (std::find(kOperators.begin(), kOperators.end(), key) != kOperators.end()) continue;
        const std::string guess = nearest(key, kOperators);
        add(at + "/" + escape_pointer_segment(key), at,
            "unknown assertion operator \"" + key + "\"" + (guess.empty() ? "" : " (did you mean \"" + guess + "\"?)"),
            "use one of " + list(kOperators));
      }
    }
  }
};

}  // namespace

std::span<const std::string_view> assertion_operators() { return kOperators; }

std::string nearest_name(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::min<std::size_t>(3, name.size());  // only close misspellings
  for (const auto& c : candidates) {
    const std::size_t d = core::edit_distance(name, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::vector<LintProblem> lint_shapes(const json& doc, const std::string& file) {
  std::vector<LintProblem> out;
  Linter linter{file, out};
  if (!doc.is_object() || !doc.contains("cases") || !doc["cases"].is_array()) return out;
  const json& cases = doc["cases"];
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const json& c = cases[i];
    if (!c.is_object()) continue;
    const std::string at = "/cases/" + std::to_string(i);
    linter.case_shape(c, at);
    if (c.contains("expect")) linter.assertions(c["expect"], at + "/expect");
    if (c.contains("steps") && c["steps"].is_array()) {
      for (std::size_t j = 0; j < c["steps"].size(); ++j) {
        const json& s = c["steps"][j];
        const std::string step = at + "/steps/" + std::to_string(j);
        if (s.is_object() && s.contains("expect")) linter.assertions(s["expect"], step + "/expect");
        linter.capture_shape(s, step);
      }
    }
  }
  return out;
}

}  // namespace siraya::harness
