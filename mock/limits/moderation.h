#pragma once
// The moderation list (reference README §4.2, 403): the request's input text checked against
// configured terms (case-insensitive substrings) and regexes (ECMAScript, case-insensitive).
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock/catalog.h"
#include "mock/config/config.h"

namespace siraya::mock::limits {

struct Flag {
  std::string reason;         // "term:<term>" or "pattern:<regex>"
  std::string flagged_input;  // the input text that matched, up to 200 bytes
};

class Moderator {
 public:
  // The patterns were checked by the config loader; one that fails to compile here is skipped.
  explicit Moderator(const config::Moderation& moderation);

  // True for every model when the configuration lists none.
  bool moderates(const Model& model) const;
  // The first match in the input texts (messages, input, prompt, system, instructions, query,
  // documents: string values and "text"/"content" parts), or nullopt.
  std::optional<Flag> check(const nlohmann::json& body) const;

 private:
  std::vector<std::string> terms_;  // lower case
  std::vector<std::pair<std::string, std::regex>> patterns_;
  std::vector<std::string> models_;
};

}  // namespace siraya::mock::limits
