#pragma once
// What the fuzz targets share: the embedded schema registry, built once per process, and the
// way a target reports a broken invariant (a message on stderr, then abort(), which libFuzzer
// records as a crash and saves the input for).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "core/schema/registry.h"

namespace siraya::fuzz {

inline const std::shared_ptr<const core::schema::Registry>& registry() {
  static const std::shared_ptr<const core::schema::Registry> schemas = [] {
    auto embedded = core::schema::Registry::embedded();
    if (!embedded) {
      std::fprintf(stderr, "fuzz: the embedded schemas do not load: %s\n", embedded.error().to_string().c_str());
      std::abort();
    }
    return *embedded;
  }();
  return schemas;
}

[[noreturn]] inline void broken(std::string_view what, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz invariant broken: %.*s\n%.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

inline void require(bool holds, std::string_view what, std::string_view detail = {}) {
  if (!holds) broken(what, detail);
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace siraya::fuzz
