#pragma once
// Helpers shared by the schema registry tests.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/finding.h"
#include "core/schema/registry.h"

namespace siraya::core::schema::testing {

// The registry built from the embedded schemas, loaded once per test binary.
const Registry& embedded_registry();

// The location of every finding, in order ("body#/choices/0/finish_reason").
std::vector<std::string> locations(const Findings& findings);

// All findings as one printable string, for assertion messages.
std::string dump(const Findings& findings);

// A fresh temporary folder with the given files (relative path -> content), removed on exit.
class TempSchemaDir {
 public:
  explicit TempSchemaDir(const std::map<std::string, std::string>& files);
  ~TempSchemaDir();
  TempSchemaDir(const TempSchemaDir&) = delete;
  TempSchemaDir& operator=(const TempSchemaDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace siraya::core::schema::testing
