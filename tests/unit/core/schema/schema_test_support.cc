#include "tests/unit/core/schema/schema_test_support.h"

#include <atomic>
#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>
#include <unistd.h>

namespace siraya::core::schema::testing {

const Registry& embedded_registry() {
  static const std::shared_ptr<const Registry> registry = [] {
    auto loaded = Registry::embedded();
    if (!loaded) {
      ADD_FAILURE() << loaded.error().to_string();
      std::abort();
    }
    return *loaded;
  }();
  return *registry;
}

std::vector<std::string> locations(const Findings& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.location);
  return out;
}

std::string dump(const Findings& findings) {
  std::string out;
  for (const auto& f : findings) out += f.to_string() + "\n";
  return out.empty() ? "(no findings)" : out;
}

TempSchemaDir::TempSchemaDir(const std::map<std::string, std::string>& files) {
  static std::atomic<int> counter{0};
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() /
                 ("siraya_schema_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& [name, content] : files) {
    fs::path file = dir / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
  }
  path_ = dir.string();
}

TempSchemaDir::~TempSchemaDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace siraya::core::schema::testing
