#include "mock/generation/json_instance.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "mock/generation/text.h"

namespace siraya::mock::generation {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 6;
// Bounds on what a request's schema can make the mock generate (minLength / minItems are
// request-controlled); a schema asking for more gets a value that may not satisfy it.
constexpr double kMaxStringLength = 4096;
constexpr double kMaxItems = 64;
// What one instance may hold in total, however the schema nests.
struct Budget {
  std::size_t values = 10000;
  std::size_t string_bytes = 256 * 1024;
};
constexpr double kMaxMagnitude = 1e15;     // numbers stay exactly representable and castable

std::string type_of(const json& schema) {
  if (!schema.is_object()) return "string";
  if (auto it = schema.find("type"); it != schema.end()) {
    if (it->is_string()) return it->get<std::string>();
    if (it->is_array()) {
      for (const auto& t : *it) {
        if (t.is_string() && t.get<std::string>() != "null") return t.get<std::string>();
      }
      return "null";
    }
  }
  if (schema.contains("properties")) return "object";
  if (schema.contains("items")) return "array";
  return "string";
}

double number_or(const json& schema, const char* key, double fallback) {
  if (!schema.is_object()) return fallback;
  if (auto it = schema.find(key); it != schema.end() && it->is_number()) {
    return std::clamp(it->get<double>(), -kMaxMagnitude, kMaxMagnitude);
  }
  return fallback;
}

bool contains_any(std::string_view name, std::initializer_list<std::string_view> needles) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::any_of(needles.begin(), needles.end(),
                     [&](std::string_view n) { return lower.find(n) != std::string::npos; });
}

// A string that suits the property name and format where one is recognisable.
std::string make_string(const json& schema, std::string_view name, Rng& rng, Budget& budget) {
  std::string format;
  if (auto it = schema.is_object() ? schema.find("format") : schema.end(); it != schema.end() && it->is_string()) {
    format = it->get<std::string>();
  }
  std::string s;
  if (format == "date-time") {
    s = "2025-0" + std::to_string(rng.between(1, 9)) + "-1" + std::to_string(rng.between(0, 9)) +
        "T10:30:00Z";
  } else if (format == "date") {
    s = "2025-0" + std::to_string(rng.between(1, 9)) + "-1" + std::to_string(rng.between(0, 9));
  } else if (format == "email") {
    s = "user" + std::to_string(rng.between(1, 999)) + "@example.com";
  } else if (format == "uri" || format == "url") {
    s = "https://example.com/" + words(rng, 1);
  } else if (format == "uuid") {
    s = "123e4567-e89b-42d3-a456-4266141740" + std::to_string(rng.between(10, 99));
  } else if (contains_any(name, {"city", "location", "place", "country", "name", "author"})) {
    s = std::string(proper_noun(rng));
  } else {
    s = words(rng, static_cast<std::size_t>(rng.between(1, 3)));
  }
  if (schema.is_object()) {
    const auto min_len = static_cast<std::size_t>(std::clamp(number_or(schema, "minLength", 0), 0.0, kMaxStringLength));
    const auto max_len = static_cast<std::size_t>(std::max(0.0, number_or(schema, "maxLength", 1e6)));
    if (min_len <= budget.string_bytes) {
      while (s.size() < min_len) s.push_back('x');
    }
    if (s.size() > max_len) s.resize(max_len);
  }
  budget.string_bytes -= std::min(budget.string_bytes, s.size());
  return s;
}

json make(const json& schema, std::string_view name, Rng& rng, int depth, Budget& budget) {
  if (budget.values == 0) return nullptr;
  --budget.values;
  if (schema.is_object()) {
    if (auto it = schema.find("const"); it != schema.end()) return *it;
    if (auto it = schema.find("enum"); it != schema.end() && it->is_array() && !it->empty()) {
      return (*it)[rng.below(it->size())];
    }
  }
  const std::string type = type_of(schema);
  if (type == "null") return nullptr;
  if (type == "boolean") return rng.below(2) == 1;
  if (type == "integer") {
    const double max = number_or(schema, "maximum", kMaxMagnitude);
    const auto lo = static_cast<std::int64_t>(std::ceil(number_or(schema, "minimum", std::min(1.0, max - 99))));
    const auto hi = static_cast<std::int64_t>(std::floor(std::min(max, lo + 99.0)));
    return hi >= lo ? rng.between(lo, hi) : lo;
  }
  if (type == "number") {
    const double max = number_or(schema, "maximum", kMaxMagnitude);
    const double lo = number_or(schema, "minimum", std::min(0.0, max - 100));
    const double hi = std::min(max, lo + 100);
    const double v = lo + (hi - lo) * rng.unit();
    const double rounded = std::round(v * 100) / 100;
    return (rounded >= lo && rounded <= hi) ? rounded : lo;
  }
  if (type == "array") {
    json out = json::array();
    if (depth >= kMaxDepth) return out;
    const auto min_items = static_cast<std::size_t>(std::clamp(number_or(schema, "minItems", 1), 0.0, kMaxItems));
    const auto max_items = static_cast<std::size_t>(std::clamp(number_or(schema, "maxItems", 3), 0.0, kMaxItems));
    const std::size_t count = std::min(std::max<std::size_t>(min_items, 1), std::max(max_items, min_items));
    const json items = schema.is_object() ? schema.value("items", json::object()) : json::object();
    for (std::size_t i = 0; i < count && budget.values > 0; ++i) out.push_back(make(items, name, rng, depth + 1, budget));
    return out;
  }
  if (type == "object") {
    json out = json::object();
    if (depth >= kMaxDepth || !schema.is_object()) return out;
    if (auto props = schema.find("properties"); props != schema.end() && props->is_object()) {
      for (const auto& [key, sub] : props->items()) out[key] = make(sub, key, rng, depth + 1, budget);
    }
    return out;
  }
  return make_string(schema, name, rng, budget);
}

}  // namespace

nlohmann::json generate_instance(const nlohmann::json& schema, Rng& rng) {
  Budget budget;
  return make(schema, "", rng, 0, budget);
}

}  // namespace siraya::mock::generation
