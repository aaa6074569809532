#pragma once
// Rules files (schemas/mock/rules.json, docs/rules.md): JSON, checked against the schema and then
// for what a schema cannot say (regexes compile, directives combine, content only on the
// generative endpoints). Every error points at the bad rule: "file#/rules/2/when/user_text".
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "mock/rules/rule.h"

namespace siraya::core::schema {
class Registry;
}

namespace siraya::mock::rules {

// Error id mock.rules. `where` names the source in messages (a path, or "POST /__admin/rules").
// `schemas` may be nullptr to skip the schema check (the semantic checks still run).
core::Result<std::shared_ptr<const RuleSet>> parse_rules(std::string_view text, const std::string& where,
                                                         const core::schema::Registry* schemas);

// Reads and parses each file (a folder: its *.json files in name order); their rules are
// concatenated in order. Error id mock.rules.
core::Result<std::shared_ptr<const RuleSet>> load_rules_files(const std::vector<std::string>& paths,
                                                              const core::schema::Registry& schemas);

}  // namespace siraya::mock::rules
