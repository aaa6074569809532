#include "harness/checks/catalog.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

namespace siraya::harness {
namespace {

TEST(CheckCatalog, IdsAreUniqueAndDocumentedInTheReadme) {
  std::ifstream in(std::string(SIRAYA_SOURCE_DIR) + "/README.md");
  std::ostringstream readme;
  readme << in.rdbuf();
  std::set<std::string_view> seen;
  for (const auto& c : check_catalog()) {
    EXPECT_TRUE(seen.insert(c.id).second) << "duplicate check id " << c.id;
    EXPECT_NE(readme.str().find("`" + std::string(c.id) + "`"), std::string::npos) << c.id << " is not in README.md";
    EXPECT_FALSE(c.summary.empty()) << c.id;
  }
}

TEST(CheckCatalog, ProfilesOnlyTightenFromLenientToStrict) {
  auto rank = [](core::Severity s) { return s == core::Severity::error ? 2 : s == core::Severity::warning ? 1 : 0; };
  for (const auto& c : check_catalog()) {
    EXPECT_LE(rank(c.lenient), rank(c.standard)) << c.id;
    EXPECT_LE(rank(c.standard), rank(c.strict)) << c.id;
  }
}

TEST(CheckCatalog, ApplyProfileSetsSeverityAndKeepsUnknownIds) {
  core::Findings f{{"sse.chat.id_changed", core::Severity::error, "", "", ""},
                   {"custom.id", core::Severity::info, "", "", ""}};
  apply_profile(f, Profile::lenient);
  EXPECT_EQ(f[0].severity, core::Severity::warning);
  EXPECT_EQ(f[1].severity, core::Severity::info);
  apply_profile(f, Profile::standard);
  EXPECT_EQ(f[0].severity, core::Severity::error);
}

}  // namespace
}  // namespace siraya::harness
