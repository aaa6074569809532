#pragma once
// Deterministic hashing and pseudo-randomness for generated content. Everything the mock makes up
// is a pure function of (seed, request), so these must never depend on time, addresses or the
// platform's std::hash / std::random distributions (whose output differs between libraries).
#include <cstdint>
#include <string_view>

namespace siraya::mock::generation {

// FNV-1a, 64 bit; `h` chains several pieces into one hash.
constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = kFnvOffset) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

// splitmix64 finaliser: a good bijective mixer of one 64-bit value.
constexpr std::uint64_t mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// splitmix64 generator; identical output on every platform. below(n) reduces by modulo: the bias
// is far below anything observable for the small ranges used here.
class Rng {
 public:
  explicit constexpr Rng(std::uint64_t seed) : state_(seed) {}
  constexpr std::uint64_t next() {
    state_ += 0x9e3779b97f4a7c15ull;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0.
  constexpr std::uint64_t below(std::uint64_t n) {
    return next() % n;
  }
  // Uniform in [lo, hi]; lo <= hi.
  constexpr std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

}  // namespace siraya::mock::generation
