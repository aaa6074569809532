#include "mock/generation/schema/plausible.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <vector>

#include "mock/generation/ids.h"
#include "mock/generation/text.h"

namespace siraya::mock::generation::schema {
namespace {

template <std::size_t N>
std::string pick(Rng& rng, const std::array<std::string_view, N>& options) {
  return std::string(options[rng.below(N)]);
}

constexpr std::array<std::string_view, 16> kFirstNames{"Alice", "Bruno", "Chen", "Dara", "Elena", "Farid", "Grace", "Hugo",
                                                       "Ines", "Jonas", "Keiko", "Liam", "Maya", "Nadia", "Omar", "Priya"};
constexpr std::array<std::string_view, 12> kLastNames{"Moreau", "Silva", "Okafor", "Lindqvist", "Tanaka", "Novak",
                                                      "Haddad", "Kowalski", "Rossi", "Fischer", "Mendes", "Park"};
constexpr std::array<std::string_view, 14> kCities{"Paris", "Lisbon", "Oslo", "Kyoto", "Nairobi", "Quito", "Dublin",
                                                   "Austin", "Toronto", "Seoul", "Madrid", "Vienna", "Melbourne", "Accra"};
constexpr std::array<std::string_view, 10> kCountries{"France", "Portugal", "Norway", "Japan", "Kenya", "Ecuador",
                                                      "Ireland", "Canada", "Spain", "Austria"};
constexpr std::array<std::string_view, 8> kCompanies{"Harbor Labs", "Northwind Traders", "Blue Orchard", "Lantern Systems",
                                                     "Compass Works", "Silver Mountain", "Quiet River Co", "Meridian Foods"};
constexpr std::array<std::string_view, 8> kColors{"blue", "green", "amber", "crimson", "teal", "violet", "silver", "orange"};
constexpr std::array<std::string_view, 8> kStatuses{"active", "pending", "completed", "draft", "open", "archived", "queued", "ready"};
constexpr std::array<std::string_view, 8> kLabels{"feature", "bug", "docs", "urgent", "backend", "frontend", "travel", "research"};
constexpr std::array<std::string_view, 8> kStreets{"Harbor Road", "Elm Street", "Mill Lane", "Station Avenue",
                                                   "Orchard Way", "Bridge Street", "Market Square", "Lantern Close"};
constexpr std::array<std::string_view, 10> kCommands{"ls -la", "git status", "npm test", "pytest -q", "make build",
                                                     "cat README.md", "grep -rn TODO src", "cargo check", "go test ./...",
                                                     "python3 main.py"};
constexpr std::array<std::string_view, 10> kPaths{"src/main.py", "src/app.ts", "README.md", "lib/utils.js", "docs/guide.md",
                                                  "tests/test_api.py", "cmd/server/main.go", "src/lib.rs", "config/settings.yaml",
                                                  "package.json"};
constexpr std::array<std::string_view, 8> kCode{"return total + 1;", "const items = [];", "if (!ready) return;",
                                                "print(\"hello\")", "x = compute(y)", "let count = 0;",
                                                "def main():", "import os"};
constexpr std::array<std::string_view, 8> kLanguages{"English", "French", "Spanish", "German", "Japanese", "Portuguese",
                                                     "Swahili", "Korean"};
constexpr std::array<std::string_view, 6> kLocales{"en-US", "fr-FR", "de-DE", "ja-JP", "pt-BR", "es-ES"};
constexpr std::array<std::string_view, 6> kCurrencies{"EUR", "USD", "JPY", "GBP", "CAD", "KES"};
constexpr std::array<std::string_view, 6> kTimezones{"Europe/Paris", "America/New_York", "Asia/Tokyo", "Africa/Nairobi",
                                                     "Europe/Lisbon", "America/Toronto"};
constexpr std::array<std::string_view, 4> kUnits{"celsius", "fahrenheit", "metric", "imperial"};
constexpr std::array<std::string_view, 4> kMethods{"GET", "POST", "PUT", "DELETE"};

// "firstName", "old_string", "max-results" -> lower-case words.
std::vector<std::string> tokens(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (!std::isalnum(c)) {
      if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
      continue;
    }
    if (std::isupper(c) && !cur.empty() && !std::isupper(static_cast<unsigned char>(name[i - 1]))) {
      out.push_back(std::move(cur)), cur.clear();
    }
    cur.push_back(static_cast<char>(std::tolower(c)));
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// Whether a token equals one of `words`, or (for plurals) one of them plus "s".
bool has(const std::vector<std::string>& toks, std::initializer_list<std::string_view> words) {
  for (const auto& t : toks) {
    for (std::string_view w : words) {
      if (t == w || (t.size() == w.size() + 1 && t.back() == 's' && std::string_view(t).substr(0, w.size()) == w)) return true;
    }
  }
  return false;
}

std::string two(std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string date(Rng& rng) { return std::to_string(rng.between(2024, 2026)) + "-" + two(rng.between(1, 12)) + "-" + two(rng.between(1, 28)); }
std::string clock(Rng& rng) { return two(rng.between(7, 20)) + ":" + two(rng.between(0, 11) * 5) + ":00"; }

std::string lower_word(Rng& rng) { return words(rng, 1); }

std::string title(Rng& rng) {
  std::string s = words(rng, static_cast<std::size_t>(rng.between(2, 4)));
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string person(Rng& rng) { return pick(rng, kFirstNames) + " " + pick(rng, kLastNames); }

std::string user_name(Rng& rng) {
  std::string s = pick(rng, kFirstNames) + "_" + pick(rng, kLastNames);
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

std::optional<std::string> format_string(std::string_view format, Rng& rng) {
  if (format == "date-time") return date(rng) + "T" + clock(rng) + "Z";
  if (format == "date") return date(rng);
  if (format == "time") return clock(rng) + "Z";
  if (format == "duration") {
    constexpr std::array<std::string_view, 6> kDurations{"P3D", "PT45M", "P1DT2H", "PT30S", "P2W", "PT1H30M"};
    return pick(rng, kDurations);
  }
  if (format == "email" || format == "idn-email") return user_name(rng) + "@example.com";
  if (format == "hostname" || format == "idn-hostname") return lower_word(rng) + ".example.com";
  if (format == "ipv4") return "192.0.2." + std::to_string(rng.between(1, 254));  // RFC 5737 documentation range
  if (format == "ipv6") return "2001:db8::" + make_id("", rng, 4, kHex);          // RFC 3849
  if (format == "uri" || format == "iri" || format == "url") return "https://example.com/" + lower_word(rng) + "/" + lower_word(rng);
  if (format == "uri-reference" || format == "iri-reference") return "/docs/" + lower_word(rng);
  if (format == "uri-template") return "https://example.com/" + lower_word(rng) + "/{id}";
  if (format == "uuid") {
    // RFC 9562 version 4: 4 in the version nibble, 8-b in the variant nibble.
    return make_id("", rng, 8, kHex) + "-" + make_id("", rng, 4, kHex) + "-4" + make_id("", rng, 3, kHex) + "-" +
           std::string(1, "89ab"[rng.below(4)]) + make_id("", rng, 3, kHex) + "-" + make_id("", rng, 12, kHex);
  }
  if (format == "json-pointer") return "/" + lower_word(rng) + "/0";
  if (format == "relative-json-pointer") return "1/" + lower_word(rng);
  if (format == "regex") return "^[a-z]+$";
  if (format == "byte") return "aGVsbG8gd29ybGQ=";  // base64 of "hello world"
  return std::nullopt;
}

std::string named_string(std::string_view name, Rng& rng) {
  const auto t = tokens(name);
  if (has(t, {"email", "mail"})) return user_name(rng) + "@example.com";
  if (has(t, {"url", "uri", "link", "href", "website", "homepage", "endpoint"})) return *format_string("uri", rng);
  if (has(t, {"uuid", "guid"})) return *format_string("uuid", rng);
  if (has(t, {"path", "file", "filename", "filepath", "dir", "directory", "folder", "cwd"})) return pick(rng, kPaths);
  if (has(t, {"command", "cmd", "script", "shell"})) return pick(rng, kCommands);
  if (has(t, {"pattern", "regex", "glob"})) return rng.below(2) ? "*.py" : "TODO";
  if (has(t, {"query", "search", "keyword", "q", "term"})) return words(rng, static_cast<std::size_t>(rng.between(2, 4)));
  if (has(t, {"timestamp", "datetime", "at"})) return *format_string("date-time", rng);
  if (has(t, {"date", "day", "deadline", "birthday"})) return date(rng);
  if (has(t, {"time"})) return clock(rng);
  if (has(t, {"phone", "tel", "mobile"})) return "+1-555-01" + two(rng.between(0, 99));
  if (has(t, {"zip", "postal", "postcode"})) return std::to_string(rng.between(10000, 99999));
  if (has(t, {"city", "town", "location", "place", "destination", "origin"})) return pick(rng, kCities);
  if (has(t, {"country", "nation"})) return pick(rng, kCountries);
  if (has(t, {"address", "street"})) return std::to_string(rng.between(1, 99)) + " " + pick(rng, kStreets);
  if (has(t, {"locale"})) return pick(rng, kLocales);
  if (has(t, {"language", "lang"})) return pick(rng, kLanguages);
  if (has(t, {"currency"})) return pick(rng, kCurrencies);
  if (has(t, {"timezone", "tz"})) return pick(rng, kTimezones);
  if (has(t, {"color", "colour"})) return pick(rng, kColors);
  if (has(t, {"username", "user", "handle", "login", "owner"})) return user_name(rng);
  if (has(t, {"company", "organization", "organisation", "org", "team", "employer"})) return pick(rng, kCompanies);
  if (has(t, {"first", "given"})) return pick(rng, kFirstNames);
  if (has(t, {"last", "surname", "family"})) return pick(rng, kLastNames);
  if (has(t, {"name", "author", "assignee", "person", "customer", "contact", "recipient", "sender", "participant", "attendee",
               "member", "speaker", "reviewer", "guest"})) {
    return person(rng);
  }
  if (has(t, {"title", "subject", "headline", "heading", "topic"})) return title(rng);
  if (has(t, {"old", "new", "code", "snippet", "source", "patch", "diff", "replacement", "content"}) &&
      !has(t, {"description"})) {
    return pick(rng, kCode);
  }
  if (has(t, {"description", "text", "body", "message", "prompt", "reason", "explanation", "answer", "comment",
               "note", "summary", "instruction", "detail", "feedback", "response", "output", "input", "context",
               "reasoning", "thought", "plan", "goal", "task", "question"})) {
    return prose(rng, static_cast<std::size_t>(rng.between(6, 14)));
  }
  if (has(t, {"hash", "sha", "commit", "checksum", "digest"})) return make_id("", rng, 40, kHex);
  if (has(t, {"version"})) return std::to_string(rng.between(1, 4)) + "." + std::to_string(rng.between(0, 9)) + "." + std::to_string(rng.between(0, 20));
  if (has(t, {"branch"})) return rng.below(2) ? "main" : "feature/" + lower_word(rng);
  if (has(t, {"domain", "host", "hostname"})) return *format_string("hostname", rng);
  if (has(t, {"ip"})) return *format_string("ipv4", rng);
  if (has(t, {"method", "verb"})) return pick(rng, kMethods);
  if (has(t, {"mime", "media"})) return "application/json";
  if (has(t, {"unit", "units"})) return pick(rng, kUnits);
  if (has(t, {"status", "state"})) return pick(rng, kStatuses);
  if (has(t, {"tag", "category", "label", "kind", "type", "mode", "level", "priority", "role", "genre", "group"})) return pick(rng, kLabels);
  if (has(t, {"token", "secret", "key", "password"})) return make_id("tok_", rng, 16);
  if (has(t, {"slug"})) return lower_word(rng) + "-" + lower_word(rng);
  if (has(t, {"id", "identifier", "ref", "sku"})) return make_id("id_", rng, 8, kHex);
  return words(rng, static_cast<std::size_t>(rng.between(1, 3)));
}

std::string filler(std::size_t n, Rng& rng) {
  std::string s;
  while (s.size() < n) s += (s.empty() ? "" : " ") + words(rng, 1);
  s.resize(n);
  if (!s.empty() && s.back() == ' ') s.back() = 'a';
  return s;
}

NumberRange named_range(std::string_view name) {
  const auto t = tokens(name);
  if (has(t, {"age"})) return {18, 80, false};
  if (has(t, {"year"})) return {1990, 2030, false};
  if (has(t, {"month"})) return {1, 12, false};
  if (has(t, {"day"})) return {1, 28, false};
  if (has(t, {"hour"})) return {0, 23, false};
  if (has(t, {"minute", "second"})) return {0, 59, false};
  if (has(t, {"lat", "latitude"})) return {-90, 90, true};
  if (has(t, {"lon", "lng", "longitude"})) return {-180, 180, true};
  if (has(t, {"price", "amount", "cost", "total", "balance", "salary", "fee", "budget"})) return {1, 500, true};
  if (has(t, {"percent", "percentage", "pct"})) return {0, 100, false};
  if (has(t, {"rating", "stars"})) return {1, 5, false};
  if (has(t, {"probability", "confidence", "ratio", "threshold", "temperature_scale"})) return {0, 1, true};
  if (has(t, {"temperature", "temp"})) return {-5, 35, true};
  if (has(t, {"port"})) return {1024, 65535, false};
  if (has(t, {"width", "height"})) return {100, 1920, false};
  if (has(t, {"timeout", "seconds", "duration", "delay", "ms", "interval"})) return {1, 120, false};
  if (has(t, {"offset", "skip", "start", "index", "position", "from"})) return {0, 50, false};
  if (has(t, {"line", "page"})) return {1, 200, false};
  if (has(t, {"count", "limit", "max", "num", "number", "n", "size", "result", "top", "k", "quantity", "qty", "retries",
               "depth", "days", "nights", "guests", "people"})) {
    return {1, 20, false};
  }
  if (has(t, {"score"})) return {0, 100, false};
  return {0, 100, true};
}

std::string_view named_type(std::string_view name) {
  const auto t = tokens(name);
  if (t.empty()) return "string";
  if (has(t, {"is", "has", "should", "can", "allow", "enabled", "enable", "disabled", "force", "recursive", "verbose",
               "dry", "flag", "include", "strict", "required", "visible", "active"})) {
    return "boolean";
  }
  if (has(t, {"price", "amount", "cost", "lat", "latitude", "lon", "lng", "longitude", "ratio", "probability",
               "confidence", "temperature"})) {
    return "number";
  }
  if (has(t, {"count", "limit", "age", "year", "size", "index", "line", "port", "page", "offset", "quantity", "qty",
               "retries", "depth", "timeout"})) {
    return "integer";
  }
  return "string";
}

}  // namespace siraya::mock::generation::schema
