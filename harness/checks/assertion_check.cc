#include <regex>

#include "harness/checks/checks.h"

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

// Numbers compare by value whatever their JSON representation (1 == 1.0).
bool equal(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
  return a == b;
}

std::string show(const json& v) {
  std::string s = v.dump();
  return s.size() > 100 ? s.substr(0, 97) + "..." : s;
}

// Evaluates one assertion; returns an explanation when it fails, empty when it holds.
std::string evaluate(const Assertion& a, const json* value) {
  const std::string& op = a.op;
  if (op == "exists") return value ? "" : "path is absent";
  if (op == "absent") return value ? "path is present: " + show(*value) : "";
  if (!value) return "path is absent";
  const json& v = *value;
  const json& x = a.operand;
  if (op == "eq") return equal(v, x) ? "" : "expected " + show(x) + ", got " + show(v);
  if (op == "ne") return !equal(v, x) ? "" : "expected anything but " + show(x);
  if (op == "lt" || op == "le" || op == "gt" || op == "ge") {
    if (!v.is_number()) return "expected a number, got " + show(v);
    const double l = v.get<double>(), r = x.get<double>();
    const bool ok = op == "lt" ? l < r : op == "le" ? l <= r : op == "gt" ? l > r : l >= r;
    return ok ? "" : "expected " + op + " " + show(x) + ", got " + show(v);
  }
  if (op == "matches") {
    if (!v.is_string()) return "expected a string, got " + show(v);
    std::regex re(x.get<std::string>(), std::regex::ECMAScript);  // validated by the loader
    return std::regex_search(v.get<std::string>(), re) ? "" : show(v) + " does not match /" + x.get<std::string>() + "/";
  }
  if (op == "type") {
    const std::string t = json_type(v);
    const std::string want = x.get<std::string>();
    const bool ok = t == want || (want == "number" && t == "integer");
    return ok ? "" : "expected type " + want + ", got " + t;
  }
  if (op == "length") {
    std::size_t n = 0;
    if (v.is_string()) n = v.get_ref<const std::string&>().size();
    else if (v.is_array() || v.is_object()) n = v.size();
    else return "expected a string, array or object, got " + json_type(v);
    return n == x.get<std::size_t>() ? "" : "expected length " + x.dump() + ", got " + std::to_string(n);
  }
  if (op == "contains") {
    if (v.is_string() && x.is_string()) {
      return v.get<std::string>().find(x.get<std::string>()) != std::string::npos ? "" : show(v) + " does not contain " + show(x);
    }
    if (v.is_array()) {
      for (const auto& item : v) {
        if (equal(item, x)) return "";
      }
      return "array does not contain " + show(x);
    }
    return "expected a string or array, got " + json_type(v);
  }
  return "unknown operator " + op;
}

}  // namespace

core::Findings check_assertions(const std::vector<Assertion>& assertions, const json& target) {
  core::Findings out;
  for (const auto& a : assertions) {
    // Pointer syntax was validated by the suite schema; a pointer that walks through a
    // non-container simply does not resolve.
    const json* value = nullptr;
    try {
      const json::json_pointer ptr(a.path);
      if (target.contains(ptr)) value = &target.at(ptr);
    } catch (const json::exception&) {
      value = nullptr;
    }
    std::string why = evaluate(a, value);
    if (!why.empty()) {
      out.push_back({"assert.failed", core::Severity::error, "body#" + a.path,
                     a.op + ": " + why, "assertion at " + a.location});
    }
  }
  return out;
}

}  // namespace siraya::harness
