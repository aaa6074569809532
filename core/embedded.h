#pragma once
// Files compiled into the binaries at build time (cmake/embed.cmake), so that an installed
// binary needs no source tree. Paths are relative to the source folder they came from.
#include <span>
#include <string_view>

namespace siraya::core::embedded {

struct File {
  std::string_view path;     // e.g. "chat/chat_completion.json"
  std::string_view content;  // the file's bytes
};

// schemas/**.json; linked from siraya_core.
std::span<const File> schemas();
// suites/**.suite.json; linked from siraya_harness.
std::span<const File> suites();

}  // namespace siraya::core::embedded
