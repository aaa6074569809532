#include "core/schema/schema_folder.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace siraya::core::schema {

Result<std::vector<SchemaFile>> read_schema_folder(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return fail("schema.load", "not a directory", dir, "pass the folder that holds the schema files");
  }
  std::vector<SchemaFile> files;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& path = it->path();
    if (path.extension() != ".json" || !it->is_regular_file(ec)) continue;
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) return fail("schema.load", "cannot read the file", path.string(), "check its permissions");
    files.push_back({path.lexically_relative(dir).generic_string(), path.string(), text.str()});
  }
  if (ec) return fail("schema.load", "cannot list the folder: " + ec.message(), dir, "check the path");
  std::sort(files.begin(), files.end(), [](const SchemaFile& a, const SchemaFile& b) { return a.id < b.id; });
  return files;
}

}  // namespace siraya::core::schema
