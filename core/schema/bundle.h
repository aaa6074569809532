#pragma once
// Prepares schema documents for valijson. valijson resolves a `$ref` to another file through a
// resolution scope that never follows the referenced document, so refs inside a referenced file
// would resolve against the wrong file. Instead each schema is bundled: the files it reaches
// are copied under /definitions/x-siraya-files/<id> of the root and every `$ref` is rewritten to
// a local JSON pointer, so valijson compiles one self-contained document.
// Private to core/schema/.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/schema/pointer.h"

namespace siraya::core::schema::detail {

// Schema documents by id: the path relative to the schemas folder ("chat/chat_chunk.json"),
// or "" for an inline schema.
using Documents = std::map<std::string, nlohmann::json, std::less<>>;

// Keywords of the markers added by Bundler::bundle(..., instrument = true). Each names the
// subschema it sits in as "<id>#<pointer>" (pointer into the original document).
inline constexpr std::string_view kBeginKeyword = "x-siraya-begin";
inline constexpr std::string_view kEndKeyword = "x-siraya-end";

// A document that cannot be used; the caller turns it into an Error.
struct Problem {
  std::string file;     // document id
  std::string pointer;  // where inside it, may be empty
  std::string message;
  std::string fix;
};

class Bundler {
 public:
  explicit Bundler(const Documents& docs) : docs_(docs) {}

  // Walks every document from its root through every subschema and `$ref`. Reports the first
  // problem: a `$ref` that is remote, names a missing file or a missing pointer, a schema that
  // is neither an object nor a boolean, or a `pattern` that is not a valid regular expression.
  std::optional<Problem> analyse();

  // The self-contained document for `root` (call after analyse() succeeded). `format` is
  // dropped everywhere: draft-07 lets implementations treat it as an annotation, and valijson
  // throws when it meets a non-string instance. With `instrument`, every subschema object
  // gets a first allOf branch {"x-siraya-begin": path} and a keyword "x-siraya-end": path, so
  // that the violations valijson reports can be attributed to the subschema that raised them.
  nlohmann::json bundle(const std::string& root, bool instrument) const;

 private:
  struct Target {
    std::string doc;
    Tokens tokens;
  };

  bool walked(const std::string& doc, const std::string& pointer) const;
  // A cycle of `$ref` and in-place applicators (allOf, anyOf, oneOf, not, if/then/else) that
  // never descends into a property or an item: validating anything against it would recurse
  // forever (valijson overflows the stack), e.g. {"allOf": [{"$ref": "#"}]}.
  std::optional<Problem> find_unguarded_cycle() const;
  std::optional<Problem> resolve(const std::string& doc, const std::string& pointer,
                                 const std::string& ref, Target& out) const;
  nlohmann::json transform(const std::string& doc, const std::string& root, bool instrument,
                           const nlohmann::json& node, const std::string& pointer) const;
  std::string rewrite(const Target& target, const std::string& root, bool instrument) const;

  const Documents& docs_;
  std::map<std::string, std::set<std::string>, std::less<>> walked_;  // doc -> schema pointers
  std::map<std::pair<std::string, std::string>, Target> refs_;     // (doc, pointer) -> target
  std::map<std::string, std::set<std::string>, std::less<>> edges_;  // doc -> docs it refers to
};

}  // namespace siraya::core::schema::detail
