// Strings and numbers for Generator (generator.h): JSON Schema validation §6.2 (numeric bounds,
// multipleOf) and §6.3 (string length, pattern), format per §7.3.
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <vector>
#include <algorithm>

#include "mock/generation/schema/generator.h"
#include "mock/generation/schema/pattern_strings.h"
#include "mock/generation/schema/plausible.h"

namespace siraya::mock::generation::schema {

using nlohmann::json;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMaxSafeInteger = 9007199254740992.0;  // 2^53: integers stay exact as doubles too

std::string number_text(double v) {
  json j = v;
  if (std::floor(v) == v && std::fabs(v) < 1e15) j = static_cast<std::int64_t>(v);
  return j.dump();
}

// A string of ASCII characters cut or padded into [min, max] characters.
std::string fit(std::string s, std::size_t min, std::size_t max, Rng& rng) {
  if (code_points(s) > max) {
    // Generated text is ASCII except in enum values, which never come here; cut on a code point.
    std::size_t keep = 0, seen = 0;
    while (keep < s.size() && seen < max) {
      ++keep;
      while (keep < s.size() && (static_cast<unsigned char>(s[keep]) & 0xC0) == 0x80) ++keep;
      ++seen;
    }
    s.resize(keep);
  }
  while (!s.empty() && s.back() == ' ' && code_points(s) > min) s.pop_back();
  const std::size_t length = code_points(s);
  if (length < min) {
    const std::size_t gap = min - length;
    if (!s.empty() && gap > 1) {
      s += " " + filler(gap - 1, rng);
    } else {
      s += filler(gap, rng);
    }
  }
  return s;
}

struct Bound {
  double value;
  bool exclusive = false;
  std::string at;
};

}  // namespace

core::Result<json> Generator::string_value(const Conj& plain, std::string_view name) {
  std::size_t min = 0, max = static_cast<std::size_t>(-1);
  std::string min_at, max_at;
  std::vector<std::pair<std::string, std::string>> patterns;  // (pattern, pointer)
  std::string format;
  for (const Node& n : plain) {
    if (const json* v = keyword(n, "minLength"); v && v->get<double>() > static_cast<double>(min)) {
      min = static_cast<std::size_t>(std::min(v->get<double>(), 1e9)), min_at = append(n.pointer, "minLength");
    }
    if (const json* v = keyword(n, "maxLength"); v && v->get<double>() < static_cast<double>(max)) {
      max = static_cast<std::size_t>(v->get<double>()), max_at = append(n.pointer, "maxLength");
    }
    if (const json* v = keyword(n, "pattern")) patterns.emplace_back(v->get<std::string>(), append(n.pointer, "pattern"));
    if (const json* v = keyword(n, "format"); v && format.empty()) format = v->get<std::string>();
  }
  if (min > max) {
    return unsatisfiable(min_at, "minLength " + std::to_string(min) + " is greater than maxLength " + std::to_string(max) + " (at " + max_at + ")");
  }
  if (min > kMaxStringLength) {
    return too_large(min_at, "minLength " + std::to_string(min) + " exceeds the " + std::to_string(kMaxStringLength) +
                                 " characters siraya-mock generates in one string");
  }
  std::string s;
  if (!patterns.empty()) {
    auto accept = [&](const std::string& candidate) {
      const std::size_t length = code_points(candidate);
      if (length < min || length > max) return false;
      for (const auto& [p, _] : patterns) {
        if (!conformance_.matches(p, candidate)) return false;
      }
      return true;
    };
    // Generate from each pattern in turn: any of them may be the easiest to satisfy first.
    std::optional<core::Error> first;
    for (const auto& [p, at] : patterns) {
      auto r = string_for_pattern(p, min, max, rng_, accept);
      if (r) {
        s = std::move(*r);
        first.reset();
        break;
      }
      if (!first) first = core::Error{r.error().id, r.error().message, at, r.error().fix};
    }
    if (first) return forward(*first);
  } else {
    std::optional<std::string> formatted = format.empty() ? std::nullopt : format_string(format, rng_);
    if (formatted && code_points(*formatted) >= min && code_points(*formatted) <= max) {
      s = std::move(*formatted);
    } else {
      s = fit(named_string(name, rng_), min, max, rng_);
    }
  }
  text_bytes_ += s.size();
  if (text_bytes_ > kMaxTextBytes) {
    return too_large(plain.empty() ? "" : plain.front().pointer, "the instance would hold more than 1 MiB of text");
  }
  return json(std::move(s));
}

core::Result<json> Generator::number_value(const Conj& plain, std::string_view name, bool integer) {
  Bound lo{-kInf}, hi{kInf};
  std::vector<std::pair<double, std::string>> multiples;
  auto tighten_lo = [&](double v, bool exclusive, std::string at) {
    if (v > lo.value || (v == lo.value && exclusive && !lo.exclusive)) lo = Bound{v, exclusive, std::move(at)};
  };
  auto tighten_hi = [&](double v, bool exclusive, std::string at) {
    if (v < hi.value || (v == hi.value && exclusive && !hi.exclusive)) hi = Bound{v, exclusive, std::move(at)};
  };
  for (const Node& n : plain) {
    const json* xmin = keyword(n, "exclusiveMinimum");
    const json* xmax = keyword(n, "exclusiveMaximum");
    if (const json* v = keyword(n, "minimum")) {
      tighten_lo(v->get<double>(), xmin && xmin->is_boolean() && xmin->get<bool>(), append(n.pointer, "minimum"));
    }
    if (const json* v = keyword(n, "maximum")) {
      tighten_hi(v->get<double>(), xmax && xmax->is_boolean() && xmax->get<bool>(), append(n.pointer, "maximum"));
    }
    if (xmin && xmin->is_number()) tighten_lo(xmin->get<double>(), true, append(n.pointer, "exclusiveMinimum"));
    if (xmax && xmax->is_number()) tighten_hi(xmax->get<double>(), true, append(n.pointer, "exclusiveMaximum"));
    if (const json* v = keyword(n, "multipleOf")) multiples.emplace_back(v->get<double>(), append(n.pointer, "multipleOf"));
  }
  const std::string range_text = std::string(lo.exclusive ? "above " : "at least ") + number_text(lo.value) +
                                 (hi.exclusive ? " and below " : " and at most ") + number_text(hi.value);
  if (lo.value > hi.value || (lo.value == hi.value && (lo.exclusive || hi.exclusive))) {
    const std::string what = lo.at.substr(lo.at.rfind('/') + 1);
    return unsatisfiable(lo.at, what + " " + number_text(lo.value) + " leaves no number: the value must be " + range_text +
                                    " (at " + hi.at + ")");
  }

  // The lattice of allowed values: integers (step 1) or multiples of `step`.
  double step = integer ? 1 : 0;
  std::string step_at;
  for (const auto& [m, at] : multiples) {
    const bool whole = std::floor(m) == m && m < kMaxSafeInteger;
    if (step == 0) {
      step = m, step_at = at;
    } else if (whole && std::floor(step) == step) {
      const auto a = static_cast<std::int64_t>(step), b = static_cast<std::int64_t>(m);
      const std::int64_t l = a / std::gcd(a, b) * b;
      if (static_cast<double>(l) > kMaxSafeInteger) return unsupported(at, "the multipleOf values have no common multiple below 2^53");
      step = static_cast<double>(l), step_at = at;
    } else if (m > step) {
      step = m, step_at = at;  // the coarser lattice; verification checks the other divisor
    }
  }
  if (integer && std::floor(step) != step) {
    // Integers on a fractional lattice (multipleOf 0.25): the lattice's first whole multiple.
    double whole = 0;
    for (int n = 2; n <= 1000 && whole == 0; ++n) {
      if (std::floor(step * n) == step * n) whole = step * n;
    }
    if (whole == 0) return unsupported(step_at, "no integer is a multiple of " + number_text(step) + " within reach");
    step = whole;
  }
  if (step == 0 && !integer) {
    // Continuous: a value in the usual range for the name, within the bounds.
    const NumberRange usual = named_range(name);
    double a = std::max(lo.value, usual.lo), b = std::min(hi.value, usual.hi);
    if (a > b) {
      a = std::isfinite(lo.value) && lo.value > usual.hi ? lo.value : std::max(lo.value, hi.value - 100);
      b = std::isfinite(hi.value) && hi.value < usual.lo ? hi.value : std::min(hi.value, a + 100);
    }
    if (!std::isfinite(a)) a = std::isfinite(b) ? b - 100 : 0;
    if (!std::isfinite(b)) b = a + 100;
    auto inside = [&](double v) {
      return std::isfinite(v) && (lo.exclusive ? v > lo.value : v >= lo.value) && (hi.exclusive ? v < hi.value : v <= hi.value);
    };
    std::optional<double> fallback;
    for (int draw = 0; draw < 8; ++draw) {
      const double raw = a + (b - a) * rng_.unit();
      for (double scale : {usual.cents ? 100.0 : 1.0, 100.0, 1e6, 0.0}) {
        const double v = scale == 0 ? raw : std::round(raw * scale) / scale;
        if (!inside(v)) continue;
        if (!conformance_.violation(json(v), plain)) return json(v);
        if (!fallback) fallback = v;
      }
    }
    const double mid = lo.value / 2 + hi.value / 2;
    if (inside(mid) && !conformance_.violation(json(mid), plain)) return json(mid);
    if (fallback) return json(*fallback);  // the caller's check names the keyword it breaks
    return unsatisfiable(lo.at, "no representable number is " + range_text);
  }

  // Discrete: value = k * step for an integer k.
  double first = std::isfinite(lo.value) ? std::ceil(lo.value / step) : -kInf;
  if (std::isfinite(first) && lo.exclusive && first * step <= lo.value) first += 1;
  double last = std::isfinite(hi.value) ? std::floor(hi.value / step) : kInf;
  if (std::isfinite(last) && hi.exclusive && last * step >= hi.value) last -= 1;
  const double limit = kMaxSafeInteger / std::max(step, 1.0);
  if (first > limit) return too_large(lo.at, "siraya-mock generates integers up to 2^53; the value must be " + range_text);
  if (last < -limit) return too_large(hi.at, "siraya-mock generates integers down to -2^53; the value must be " + range_text);
  first = std::max(first, -limit);
  last = std::min(last, limit);
  if (first > last) {
    const std::string at = step_at.empty() ? lo.at : step_at;
    return unsatisfiable(at, std::string(step_at.empty() ? "no integer" : "no multiple of " + number_text(step)) + " is " + range_text);
  }
  const NumberRange usual = named_range(name);
  double a = std::max(first, std::ceil(usual.lo / step)), b = std::min(last, std::floor(usual.hi / step));
  if (a > b) {  // the usual range is outside the bounds: stay near the nearer bound
    if (std::ceil(usual.lo / step) > last) {
      b = last, a = std::max(first, last - 100);
    } else {
      a = first, b = std::min(last, first + 100);
    }
  }
  // The first lattice point that satisfies everything (a `not`, a second multipleOf, the
  // validator's floating-point multipleOf rule): from a drawn start through the usual range, then
  // from the lower bound on.
  auto make = [&](double k) { return std::floor(step) == step ? json(static_cast<std::int64_t>(k * step)) : json(k * step); };
  const double span = b - a + 1;
  const double start = a + static_cast<double>(rng_.below(static_cast<std::uint64_t>(span)));
  for (double i = 0; i < std::min(span, 512.0); ++i) {
    json v = make(a + std::fmod(start - a + i, span));
    if (!conformance_.violation(v, plain)) return v;
  }
  for (double k = first; k <= last && k < first + 512; ++k) {
    json v = make(k);
    if (!conformance_.violation(v, plain)) return v;
  }
  return make(start);  // the caller's check names the keyword it breaks

}

}  // namespace siraya::mock::generation::schema
