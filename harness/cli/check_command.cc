#include "harness/cli/check_command.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "harness/offline/saved_response_check.h"

namespace siraya::harness {
namespace {

constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

core::Result<std::string> read_all(const std::string& path, std::istream& in) {
  if (path == "-") return std::string(std::istreambuf_iterator<char>(in), {});
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return core::fail("check.io", "cannot read " + path, path, "pass a readable file, or - to read standard input");
  }
  return std::string(std::istreambuf_iterator<char>(file), {});
}

core::Result<nlohmann::json> read_request(const std::string& path, std::istream& in) {
  auto text = read_all(path, in);
  if (!text) return core::Unexpected<core::Error>(text.error());
  try {
    return nlohmann::json::parse(*text);
  } catch (const nlohmann::json::parse_error& e) {
    return core::fail("check.request", path + " is not JSON: " + e.what(), "--request",
                      "pass the JSON body of the request that got this response");
  }
}

void print_json(const SavedVerdict& v, const std::string& file, const std::string& endpoint, std::ostream& out) {
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& f : v.findings) {
    findings.push_back({{"id", f.id}, {"severity", std::string(core::to_string(f.severity))}, {"location", f.location},
                        {"what", f.what}, {"fix", f.fix}});
  }
  out << nlohmann::json{{"file", file}, {"endpoint", endpoint}, {"stream", v.stream}, {"events", v.events},
                        {"passed", !v.failed()}, {"findings", findings}}
                .dump(2)
      << "\n";
}

void print_console(const SavedVerdict& v, const CheckCommand& c, const std::string& endpoint, std::ostream& out) {
  out << "siraya-harness check: " << (c.file == "-" ? "standard input" : c.file) << " as " << endpoint
      << (v.stream ? " stream (" + std::to_string(v.events) + " events)" : " JSON body") << ", status " << c.status
      << ", profile " << c.profile << "\n";
  std::size_t errors = 0, warnings = 0;
  for (const auto& f : v.findings) {
    if (f.severity == core::Severity::error) ++errors;
    if (f.severity == core::Severity::warning) ++warnings;
    if (f.severity == core::Severity::info && !c.verbose) continue;
    out << "  " << core::to_string(f.severity) << " " << f.to_string() << "\n";
  }
  out << (errors ? "FAIL" : "PASS") << ": " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
      << (warnings == 1 ? " warning" : " warnings") << "\n";
}

}  // namespace

int check_command(const CheckCommand& c, std::istream& in, std::ostream& out, std::ostream& err) {
  auto usage_error = [&](const core::Error& e) {
    err << e.to_string() << "\n";
    return kExitUsage;
  };
  const auto endpoint = endpoint_for_dialect(c.dialect);
  if (!endpoint) {
    return usage_error(core::Error{"check.dialect", "unknown dialect \"" + c.dialect + "\"", "--dialect",
                                   "use chat, responses, messages, embeddings, rerank or models"});
  }
  const auto profile = parse_profile(c.profile);
  if (!profile) {
    return usage_error(core::Error{"check.profile", "unknown profile \"" + c.profile + "\"", "--profile",
                                   "use lenient, standard or strict"});
  }
  auto schemas = c.schemas_dir.empty() ? core::schema::Registry::embedded()
                                       : core::schema::Registry::from_directory(c.schemas_dir);
  if (!schemas) return usage_error(schemas.error());

  SavedResponse saved;
  saved.endpoint = *endpoint;
  saved.status = c.status;
  saved.content_type = c.content_type;
  saved.format = c.format == "json" ? SavedFormat::json : c.format == "sse" ? SavedFormat::sse : SavedFormat::automatic;
  auto bytes = read_all(c.file, in);
  if (!bytes) return usage_error(bytes.error());
  saved.bytes = std::move(*bytes);
  if (!c.request_file.empty()) {
    auto request = read_request(c.request_file, in);
    if (!request) return usage_error(request.error());
    saved.request = std::move(*request);
  }
  auto verdict = check_saved_response(saved, **schemas, *profile);
  if (!verdict) return usage_error(verdict.error());
  if (c.json) {
    print_json(*verdict, c.file, *endpoint, out);
  } else {
    print_console(*verdict, c, *endpoint, out);
  }
  return verdict->failed() ? kExitFailed : 0;
}

}  // namespace siraya::harness
