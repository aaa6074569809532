#include "harness/suite/loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "core/embedded.h"

namespace siraya::harness {

namespace {

constexpr std::string_view kSuiteSchema = "harness/suite.schema.json";
constexpr std::string_view kAssertionOps[] = {"eq", "ne", "lt", "le", "gt", "ge", "matches",
                                              "type", "exists", "absent", "length", "contains"};

// Converts a byte offset into "line L, column C" for parse errors.
std::string line_column(const std::string& text, std::size_t offset) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

std::vector<std::pair<std::string, std::string>> header_list(const nlohmann::json& obj) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!obj.is_object()) return out;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    out.emplace_back(it.key(), it.value().is_string() ? it.value().get<std::string>() : "");
  }
  return out;
}

bool same_header(const std::string& a, const std::string& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

// Defaults first, then the case's own headers; a case header replaces a default of the same name
// and a null case header removes it.
std::vector<std::pair<std::string, std::string>> merge_headers(const nlohmann::json& defaults,
                                                               const nlohmann::json& own) {
  auto merged = header_list(defaults);
  if (!own.is_object()) return merged;
  for (auto it = own.begin(); it != own.end(); ++it) {
    std::erase_if(merged, [&](const auto& h) { return same_header(h.first, it.key()); });
    if (it.value().is_string()) merged.emplace_back(it.key(), it.value().get<std::string>());
  }
  return merged;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

Case build_case(const nlohmann::json& c, const nlohmann::json& defaults, const std::string& where) {
  Case out;
  out.location = where;
  out.id = c.at("id").get<std::string>();
  out.name = c.value("name", std::string());
  if (c.contains("tags")) out.tags = c.at("tags").get<std::vector<std::string>>();
  out.timeout_ms = c.value("timeout_ms", defaults.value("timeout_ms", 0));

  const auto& req = c.at("request");
  out.request.method = req.at("method").get<std::string>();
  out.request.path = req.at("path").get<std::string>();
  out.request.headers = merge_headers(defaults.value("headers", nlohmann::json::object()),
                                      req.value("headers", nlohmann::json::object()));
  if (req.contains("body")) out.request.body = req.at("body");
  if (req.contains("raw_body")) out.request.raw_body = req.at("raw_body").get<std::string>();

  const auto& exp = c.at("expect");
  out.expect.status = exp.at("status").get<int>();
  if (exp.contains("schema")) out.expect.schema = exp.at("schema").get<std::string>();
  if (exp.contains("stream")) out.expect.stream = exp.at("stream").get<std::string>();
  if (exp.contains("error")) {
    const auto& e = exp.at("error");
    ErrorExpectation ee;
    if (e.contains("type")) ee.type = e.at("type");
    if (e.contains("param")) ee.param = e.at("param");
    if (e.contains("message_matches")) ee.message_matches = e.at("message_matches").get<std::string>();
    out.expect.error = ee;
  }
  if (exp.contains("headers")) {
    for (auto it = exp.at("headers").begin(); it != exp.at("headers").end(); ++it) {
      std::optional<std::string> pattern;
      if (it.value().is_string()) pattern = it.value().get<std::string>();
      out.expect.headers[lower(it.key())] = pattern;
    }
  }
  if (exp.contains("assert")) {
    std::size_t i = 0;
    for (const auto& a : exp.at("assert")) {
      Assertion as;
      as.path = a.at("path").get<std::string>();
      as.location = where + "/expect/assert/" + std::to_string(i++);
      for (auto op : kAssertionOps) {
        if (a.contains(op)) {
          as.op = std::string(op);
          as.operand = a.at(op);
        }
      }
      out.expect.assertions.push_back(std::move(as));
    }
  }
  return out;
}

core::Result<void> check_regex(const std::string& pattern, const std::string& where) {
  try {
    std::regex re(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    return core::fail("suite.invalid", "invalid regular expression /" + pattern + "/: " + e.what(), where,
                      "write an ECMAScript regular expression (escape backslashes in JSON: \\\\d)");
  }
  return {};
}

// Semantic checks the schema cannot express; returns an Error naming the first problem.
core::Result<void> check_semantics(const Suite& suite) {
  std::set<std::string> ids;
  for (const auto& c : suite.cases) {
    if (!ids.insert(c.id).second) {
      return core::fail("suite.invalid", "duplicate case id \"" + c.id + "\"", c.location + "/id",
                        "give every case in a suite its own id");
    }
    for (const auto& a : c.expect.assertions) {
      if (a.op != "matches") continue;
      if (auto ok = check_regex(a.operand.get<std::string>(), a.location + "/matches"); !ok) return ok;
    }
    for (const auto& [name, pattern] : c.expect.headers) {
      if (!pattern) continue;
      if (auto ok = check_regex(*pattern, c.location + "/expect/headers/" + name); !ok) return ok;
    }
    if (c.expect.error && c.expect.error->message_matches) {
      auto ok = check_regex(*c.expect.error->message_matches, c.location + "/expect/error/message_matches");
      if (!ok) return ok;
    }
  }
  return {};
}

}  // namespace

core::Result<Suite> SuiteLoader::parse(const std::string& text, const std::string& file) const {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    // Re-parse with a throwing parser only to learn where: the no-throw API gives no position.
    std::string where;
    try {
      const auto ignored = nlohmann::json::parse(text);
      (void)ignored;
    } catch (const nlohmann::json::parse_error& e) {
      where = line_column(text, e.byte > 0 ? e.byte - 1 : 0);
    }
    return core::fail("suite.parse", "not valid JSON" + (where.empty() ? "" : " at " + where), file,
                      "fix the JSON syntax (a trailing comma or an unquoted key is the usual cause)");
  }
  auto findings = schemas_->validate(kSuiteSchema, doc, file, "suite.invalid");
  if (!findings.empty()) {
    const auto& f = findings.front();
    std::string more = findings.size() > 1
                           ? " (and " + std::to_string(findings.size() - 1) + " more problems)"
                           : "";
    return core::fail("suite.invalid", f.what + more, f.location,
                      "see schemas/harness/suite.schema.json for the suite format");
  }
  Suite suite;
  suite.file = file;
  suite.name = doc.at("name").get<std::string>();
  suite.description = doc.value("description", std::string());
  if (doc.contains("variables")) {
    for (auto it = doc["variables"].begin(); it != doc["variables"].end(); ++it) {
      suite.variables[it.key()] =
          it.value().is_string() ? it.value().get<std::string>() : it.value().dump();
    }
  }
  const nlohmann::json defaults = doc.value("defaults", nlohmann::json::object());
  std::size_t i = 0;
  for (const auto& c : doc.at("cases")) {
    suite.cases.push_back(build_case(c, defaults, file + "#/cases/" + std::to_string(i++)));
  }
  if (auto ok = check_semantics(suite); !ok) return core::Unexpected<core::Error>(ok.error());
  return suite;
}

core::Result<Suite> SuiteLoader::load_file(const std::string& path) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return core::fail("suite.io", "cannot read the suite file", path, "check the path and permissions");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path);
}

core::Result<std::vector<Suite>> SuiteLoader::load_directory(const std::string& dir) const {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return core::fail("suite.io", "not a directory", dir, "pass a folder that holds *.suite.json files");
  }
  std::vector<std::string> paths;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (it->is_regular_file() && name.size() > 11 && name.ends_with(".suite.json")) {
      paths.push_back(it->path().string());
    }
  }
  if (ec) return core::fail("suite.io", ec.message(), dir, "check the folder's permissions");
  std::sort(paths.begin(), paths.end());
  std::vector<Suite> suites;
  for (const auto& p : paths) {
    auto s = load_file(p);
    if (!s) return core::Unexpected<core::Error>(s.error());
    suites.push_back(std::move(*s));
  }
  if (auto ok = check_unique_names(suites); !ok) return core::Unexpected<core::Error>(ok.error());
  return suites;
}

core::Result<std::vector<Suite>> SuiteLoader::load_embedded() const {
  std::vector<Suite> suites;
  for (const auto& f : core::embedded::suites()) {
    auto s = parse(std::string(f.content), "suites/" + std::string(f.path));
    if (!s) return core::Unexpected<core::Error>(s.error());
    suites.push_back(std::move(*s));
  }
  if (auto ok = check_unique_names(suites); !ok) return core::Unexpected<core::Error>(ok.error());
  return suites;
}

core::Result<void> check_unique_names(const std::vector<Suite>& suites) {
  std::map<std::string, std::string> seen;
  for (const auto& s : suites) {
    auto [it, inserted] = seen.emplace(s.name, s.file);
    if (!inserted) {
      return core::fail("suite.invalid", "suite name \"" + s.name + "\" is also used by " + it->second,
                        s.file + "#/name", "give every suite its own name");
    }
  }
  return {};
}

}  // namespace siraya::harness
