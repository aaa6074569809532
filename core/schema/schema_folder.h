#pragma once
// Reading a folder of JSON Schema files (--schemas DIR), shared by the registry and the harness's
// coverage report, which needs the schema texts themselves.
#include <string>
#include <vector>

#include "core/result.h"

namespace siraya::core::schema {

struct SchemaFile {
  std::string id;    // path relative to the folder, with '/' separators: "chat/chat_request.json"
  std::string path;  // the file's path, for messages
  std::string text;
};

// Every *.json file under `dir` (recursively), sorted by id. Error id schema.load: not a folder,
// a file that cannot be read, a folder that cannot be listed.
Result<std::vector<SchemaFile>> read_schema_folder(const std::string& dir);

}  // namespace siraya::core::schema
