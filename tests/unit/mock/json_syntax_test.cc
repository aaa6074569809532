// Where a data file stops being JSON (mock/json_syntax.h): line and column, without exceptions.
#include "mock/json_syntax.h"

#include <string>

#include <gtest/gtest.h>

namespace siraya::mock {
namespace {

TEST(JsonSyntax, NamesLineAndColumnOfTheFirstError) {
  const std::string message = json_syntax_error("{\n  \"a\": 1,\n  \"b\" 2\n}\n");
  EXPECT_EQ(message.rfind("parse error at line 3, column ", 0), 0u) << message;
  EXPECT_EQ(message.find("[json.exception"), std::string::npos) << message;  // no exception id
}

TEST(JsonSyntax, TruncatedAndEmptyText) {
  EXPECT_NE(json_syntax_error("{\"rules\": [").find("line 1, column 12"), std::string::npos)
      << json_syntax_error("{\"rules\": [");
  EXPECT_NE(json_syntax_error("").find("parse error"), std::string::npos);
}

}  // namespace
}  // namespace siraya::mock
