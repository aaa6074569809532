#pragma once
// Why a data file (configuration, rules file, catalog) is not JSON, for the message that stops
// the mock at start-up: design.md asks that bad files get a message pointing at the line.
#include <string>
#include <string_view>

namespace siraya::mock {

// "parse error at line 3, column 22: syntax error while parsing object separator - unexpected
// string literal; expected '}'" (nlohmann's wording, without its exception id), found without
// exceptions through the SAX interface. Call it only for text that did not parse.
std::string json_syntax_error(std::string_view text);

}  // namespace siraya::mock
