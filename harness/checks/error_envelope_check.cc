#include <regex>

#include "harness/checks/checks.h"

namespace siraya::harness {

namespace {
const nlohmann::json* field(const nlohmann::json& body, const char* key) {
  if (!body.is_object() || !body.contains("error") || !body["error"].is_object()) return nullptr;
  const auto& err = body["error"];
  return err.contains(key) ? &err[key] : nullptr;
}

std::string show(const nlohmann::json* v) { return v == nullptr ? "absent" : v->dump(); }
}  // namespace

core::Findings check_error_envelope(const ErrorExpectation* expected, int status, const nlohmann::json& body) {
  core::Findings out;
  // The envelope's shape itself is the schema check's job; here: its agreement with the status
  // and with what the case expects. Reference README §4.1: code equals the HTTP status.
  if (const auto* code = field(body, "code"); code != nullptr && code->is_number_integer() &&
                                               code->get<long long>() != status) {
    out.push_back({"envelope.code_mismatch", core::Severity::error, "body#/error/code",
                   "error.code " + code->dump() + " but HTTP status " + std::to_string(status),
                   "set error.code to the HTTP status (reference README §4.1)"});
  }
  if (expected == nullptr) return out;
  if (expected->type) {
    const auto* type = field(body, "type");
    const bool ok = type != nullptr ? *type == *expected->type : expected->type->is_null();
    if (!ok) {
      out.push_back({"envelope.type_mismatch", core::Severity::error, "body#/error/type",
                     "expected " + expected->type->dump() + ", got " + show(type),
                     "use the error type the reference gives for this status (README §4.2)"});
    }
  }
  if (expected->param) {
    const auto* param = field(body, "param");
    const bool ok = param != nullptr ? *param == *expected->param : expected->param->is_null();
    if (!ok) {
      out.push_back({"envelope.param_mismatch", core::Severity::error, "body#/error/param",
                     "expected " + expected->param->dump() + ", got " + show(param),
                     "name the offending request field in error.param (a JSON path like messages[0].content)"});
    }
  }
  if (expected->message_matches) {
    const auto* message = field(body, "message");
    const bool ok = message != nullptr && message->is_string() &&
                    std::regex_search(message->get<std::string>(),
                                      std::regex(*expected->message_matches, std::regex::ECMAScript));
    if (!ok) {
      out.push_back({"envelope.message_mismatch", core::Severity::error, "body#/error/message",
                     show(message) + " does not match /" + *expected->message_matches + "/",
                     "say what is wrong in error.message"});
    }
  }
  return out;
}

}  // namespace siraya::harness
