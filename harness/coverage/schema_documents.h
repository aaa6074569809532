#pragma once
// The schema texts coverage reads its documented items from: the request schemas' top-level
// properties and the event types the stream event schemas enumerate. The schema registry
// validates but does not hand out documents, so they are read from the same sources it loads:
// the embedded schemas, or the --schemas folder that replaces them.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace siraya::harness {

class SchemaDocuments {
 public:
  // id ("chat/chat_request.json") -> the document's text.
  explicit SchemaDocuments(std::map<std::string, std::string, std::less<>> texts) : texts_(std::move(texts)) {}
  static SchemaDocuments embedded();
  // Every *.json under `dir`, by its path relative to `dir`. Error "schema.load" when it is not a
  // readable folder.
  static core::Result<SchemaDocuments> from_directory(const std::string& dir);

  // The parsed document, members in document order. Error "coverage.schema" when there is none of that id or it is not JSON.
  core::Result<nlohmann::ordered_json> document(std::string_view id) const;

 private:
  std::map<std::string, std::string, std::less<>> texts_;
};

// The names of a request schema's top-level properties, in document order: its own
// "properties" and those of its allOf / anyOf / oneOf branches (local ones; $ref is not followed).
std::vector<std::string> top_level_properties(const nlohmann::ordered_json& schema);

// The event types a stream event schema enumerates, in document order without repeats: every
// "const" or "enum" of the event's "type" property, at the top level or in the if / then / else,
// allOf, anyOf and oneOf branches that choose the event's shape by its type. Nested objects'
// "type" properties (a delta's, a content block's) are not event types and are not read.
std::vector<std::string> enumerated_event_types(const nlohmann::ordered_json& schema);

}  // namespace siraya::harness
