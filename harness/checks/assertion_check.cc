// check_assertions() (harness/checks/checks.h): the suite's `assert` operators over JSON Pointer
// paths with "*" wildcards. Semantics (docs/suite-format.md, "Assertions"):
//  - exists holds when the path matches at least one value, absent when it matches none;
//  - any holds when at least one match satisfies its inner assertion;
//  - each, and every other operator, must hold for every match;
//  - every operator but absent fails when the path matches nothing (no vacuous truth: a
//    misspelt path must not pass silently).
// Every failure names the path, what was expected and what came.
#include <regex>

#include "harness/checks/checks.h"
#include "harness/suite/json_path.h"

namespace siraya::harness {

namespace {

using nlohmann::json;

std::string json_type(const json& v) {
  if (v.is_number_integer()) return "integer";
  if (v.is_number()) return "number";
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "boolean";
  if (v.is_string()) return "string";
  if (v.is_array()) return "array";
  return "object";
}

// Numbers compare by value whatever their JSON representation (1 == 1.0), at any depth.
bool equal(const json& a, const json& b) { return a == b; }

std::string show(const json& v) {
  std::string s = v.dump();
  return s.size() > 100 ? s.substr(0, 97) + "..." : s;
}

// Unicode code points of UTF-8 text (continuation bytes are not counted).
std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// What an operator expects, phrased to follow "expected ".
std::string expected(const Assertion& a) {
  const std::string& op = a.op;
  const json& x = a.operand;
  if (op == "eq") return show(x);
  if (op == "ne") return "anything but " + show(x);
  if (op == "lt") return "a number < " + show(x);
  if (op == "le") return "a number <= " + show(x);
  if (op == "gt") return "a number > " + show(x);
  if (op == "ge") return "a number >= " + show(x);
  if (op == "matches") return "a string matching /" + x.get<std::string>() + "/";
  if (op == "type") return "type " + x.get<std::string>();
  if (op == "length") return "length " + x.dump();
  if (op == "contains") return (x.is_string() ? "a string or array containing " : "an array containing ") + show(x);
  if (op == "exists") return "a value";
  if (op == "absent") return "no value";
  if (op == "each" || op == "any") return a.inner.empty() ? op : expected(a.inner.front());
  return op;
}

// Applies a value operator to one value: empty when it holds, else what came instead.
std::string mismatch(const Assertion& a, const json& v) {
  const std::string& op = a.op;
  const json& x = a.operand;
  if (op == "each" || op == "any") return a.inner.empty() ? "" : mismatch(a.inner.front(), v);
  if (op == "eq") return equal(v, x) ? "" : show(v);
  if (op == "ne") return !equal(v, x) ? "" : show(v);
  if (op == "lt" || op == "le" || op == "gt" || op == "ge") {
    if (!v.is_number() || !x.is_number()) return show(v) + " (" + json_type(v) + ")";
    const double l = v.get<double>(), r = x.get<double>();
    const bool ok = op == "lt" ? l < r : op == "le" ? l <= r : op == "gt" ? l > r : l >= r;
    return ok ? "" : show(v);
  }
  if (op == "matches") {
    if (!v.is_string()) return show(v) + " (" + json_type(v) + ")";
    try {
      std::regex re(x.get<std::string>(), std::regex::ECMAScript);  // validated by the loader
      return std::regex_search(v.get_ref<const std::string&>(), re) ? "" : show(v);
    } catch (const std::regex_error&) {
      return show(v) + " (the pattern does not compile)";
    }
  }
  if (op == "type") {
    const std::string t = json_type(v);
    const std::string want = x.get<std::string>();
    return t == want || (want == "number" && t == "integer") ? "" : t + " " + show(v);
  }
  if (op == "length") {
    std::size_t n = 0;
    if (v.is_string()) n = code_points(v.get_ref<const std::string&>());
    else if (v.is_array() || v.is_object()) n = v.size();
    else return json_type(v) + " " + show(v) + ", which has no length";
    const bool ok = x.is_number_integer() && x.get<long long>() >= 0 && n == x.get<std::size_t>();
    return ok ? "" : "length " + std::to_string(n);
  }
  if (op == "contains") {
    if (v.is_string() && x.is_string()) {
      return v.get_ref<const std::string&>().find(x.get_ref<const std::string&>()) != std::string::npos ? "" : show(v);
    }
    if (v.is_array()) {
      for (const auto& item : v) {
        if (equal(item, x)) return "";
      }
      return show(v);
    }
    return json_type(v) + " " + show(v);
  }
  return "an operator the harness does not know (\"" + op + "\")";
}

core::Finding failure(const Assertion& a, const std::string& pointer, std::string what) {
  return {"assert.failed", core::Severity::error, "body#" + pointer, a.op + " " + a.path + ": " + std::move(what),
          "assertion at " + a.location};
}

void check_one(const Assertion& a, const json& target, core::Findings& out) {
  auto path = JsonPath::parse(a.path);
  if (!path) {
    out.push_back(failure(a, a.path, path.error().message));
    return;
  }
  const auto matches = path->find(target);
  const bool wildcard = path->has_wildcard();
  const std::string nothing = wildcard ? "nothing (no value matches the path)" : "nothing (the path is absent)";
  if (a.op == "exists") {
    if (matches.empty()) out.push_back(failure(a, a.path, "expected a value, got " + nothing));
    return;
  }
  if (a.op == "absent") {
    if (!matches.empty()) {
      const auto& m = matches.front();
      std::string what = "expected no value, got " + show(*m.value) + (wildcard ? " at " + m.pointer : "");
      if (matches.size() > 1) what += " (and " + std::to_string(matches.size() - 1) + " more)";
      out.push_back(failure(a, m.pointer, std::move(what)));
    }
    return;
  }
  if (matches.empty()) {
    out.push_back(failure(a, a.path, "expected " + expected(a) + ", got " + nothing));
    return;
  }
  if (a.op == "any") {
    std::string got;
    for (std::size_t i = 0; i < matches.size(); ++i) {
      const std::string why = mismatch(a, *matches[i].value);
      if (why.empty()) return;
      if (i < 3) got += (got.empty() ? "" : ", ") + why + " at " + matches[i].pointer;
    }
    if (matches.size() > 3) got += ", ...";
    out.push_back(failure(a, a.path,
                          "expected at least one of " + std::to_string(matches.size()) + " matches to be " + expected(a) +
                              ", got " + got));
    return;
  }
  std::size_t failed = 0;
  std::string first_pointer, first_why;
  for (const auto& m : matches) {
    std::string why = mismatch(a, *m.value);
    if (why.empty()) continue;
    if (failed++ == 0) {
      first_pointer = m.pointer;
      first_why = std::move(why);
    }
  }
  if (failed == 0) return;
  std::string what = "expected " + expected(a) + (wildcard ? " for every match" : "") + ", got " + first_why;
  if (wildcard) {
    what += " at " + first_pointer + " (" + std::to_string(failed) + " of " + std::to_string(matches.size()) +
            " matches fail)";
  }
  out.push_back(failure(a, first_pointer, std::move(what)));
}

}  // namespace

core::Findings check_assertions(const std::vector<Assertion>& assertions, const json& target) {
  core::Findings out;
  for (const auto& a : assertions) check_one(a, target, out);
  return out;
}

}  // namespace siraya::harness
