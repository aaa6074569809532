// siraya_fuzz_seeds SOURCE_DIR OUT_DIR: writes the seed corpora that have to be cut out of the
// test data, one file per input, named by a hash of its bytes, into OUT_DIR/<target>/:
//   chat_completions, responses, messages, embeddings, rerank  request bodies of the bundled
//       suites (suites/**/*.suite.json), the suite's variables substituted
//   fault_header      the suites' x-siraya-mock header values
//   schema_generator  the schemas of tests/data/generator_schemas/ and the tool / structured
//       output schemas of the suites' requests
//   tokenizer         the texts of tests/data/tokenizer_corpus.json and the suites' user messages
// Targets whose test data are whole files (SSE captures, suites, rules and configuration files)
// read those folders directly (scripts/fuzz.sh).
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path out_root;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

json read_json(const fs::path& path) { return json::parse(read_file(path), nullptr, false); }

void write_seed(const std::string& target, const std::string& bytes) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) h = (h ^ c) * 0x100000001b3ull;
  char name[17];
  std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(h));
  const fs::path dir = out_root / target;
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << bytes;
}

// ${name} -> the suite's variable; other references (${api_key}, ${env:X}) stay as written.
std::string substitute(std::string text, const std::map<std::string, std::string>& variables) {
  for (const auto& [name, value] : variables) {
    const std::string ref = "${" + name + "}";
    for (std::size_t at = text.find(ref); at != std::string::npos; at = text.find(ref, at + value.size())) {
      text.replace(at, ref.size(), value);
    }
  }
  return text;
}

std::string target_for_path(std::string_view path) {
  if (path == "/chat/completions") return "chat_completions";
  if (path == "/responses") return "responses";
  if (path == "/messages") return "messages";
  if (path == "/embeddings") return "embeddings";
  if (path == "/rerank") return "rerank";
  return {};
}

void schemas_in_body(const json& body) {
  if (!body.is_object()) return;
  const auto seed_at = [](const json& value, const char* pointer) {
    const json::json_pointer p(pointer);
    if (value.contains(p)) write_seed("schema_generator", value.at(p).dump());
  };
  if (auto tools = body.find("tools"); tools != body.end() && tools->is_array()) {
    for (const auto& tool : *tools) {
      seed_at(tool, "/function/parameters");
      seed_at(tool, "/parameters");
      seed_at(tool, "/input_schema");
    }
  }
  seed_at(body, "/response_format/json_schema/schema");
  seed_at(body, "/text/format/schema");
}

void texts_in_body(const json& body) {
  if (!body.is_object()) return;
  if (auto messages = body.find("messages"); messages != body.end() && messages->is_array()) {
    for (const auto& m : *messages) {
      if (m.is_object() && m.contains("content") && m["content"].is_string()) {
        write_seed("tokenizer", m["content"].get<std::string>());
      }
    }
  }
}

void request_seeds(const json& request, const std::map<std::string, std::string>& variables) {
  if (!request.is_object()) return;
  if (auto headers = request.find("headers"); headers != request.end() && headers->is_object()) {
    for (const auto& [name, value] : headers->items()) {
      std::string lower = name;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "x-siraya-mock" && value.is_string()) write_seed("fault_header", value.get<std::string>());
    }
  }
  const std::string target = target_for_path(request.value("path", ""));
  if (target.empty()) return;
  if (auto body = request.find("body"); body != request.end()) {
    const std::string text = substitute(body->dump(), variables);
    write_seed(target, text);
    const json resolved = json::parse(text, nullptr, false);
    schemas_in_body(resolved);
    texts_in_body(resolved);
  } else if (auto raw = request.find("raw_body"); raw != request.end() && raw->is_string()) {
    write_seed(target, substitute(raw->get<std::string>(), variables));
  }
}

void suite_seeds(const fs::path& file) {
  const json suite = read_json(file);
  if (!suite.is_object()) return;
  std::map<std::string, std::string> variables;
  if (auto vars = suite.find("variables"); vars != suite.end() && vars->is_object()) {
    for (const auto& [name, value] : vars->items()) {
      variables[name] = value.is_string() ? value.get<std::string>() : value.dump();
    }
  }
  if (auto cases = suite.find("cases"); cases != suite.end() && cases->is_array()) {
    for (const auto& c : *cases) {
      if (!c.is_object()) continue;
      if (c.contains("request")) request_seeds(c["request"], variables);
      if (auto steps = c.find("steps"); steps != c.end() && steps->is_array()) {
        for (const auto& step : *steps) {
          if (step.is_object() && step.contains("request")) request_seeds(step["request"], variables);
        }
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: siraya_fuzz_seeds SOURCE_DIR OUT_DIR\n");
    return 2;
  }
  const fs::path source = argv[1];
  out_root = argv[2];
  for (const auto& entry : fs::recursive_directory_iterator(source / "suites")) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.size() > 11 && name.ends_with(".suite.json")) suite_seeds(entry.path());
  }
  for (const auto& entry : fs::recursive_directory_iterator(source / "tests/data/generator_schemas")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    const json cases = read_json(entry.path());
    if (!cases.is_array()) continue;
    for (const auto& c : cases) {
      if (c.is_object() && c.contains("schema")) write_seed("schema_generator", c["schema"].dump());
    }
  }
  const json texts = read_json(source / "tests/data/tokenizer_corpus.json");
  if (texts.is_object() && texts.contains("cases") && texts["cases"].is_array()) {
    for (const auto& text : texts["cases"]) {
      if (text.is_string()) write_seed("tokenizer", text.get<std::string>());
    }
  }
  for (const char* target : {"chat_completions", "responses", "messages", "embeddings", "rerank", "fault_header",
                             "schema_generator", "tokenizer"}) {
    std::size_t n = 0;
    if (fs::is_directory(out_root / target)) {
      for ([[maybe_unused]] const auto& e : fs::directory_iterator(out_root / target)) ++n;
    }
    if (n == 0) {
      std::fprintf(stderr, "siraya_fuzz_seeds: no seeds for %s under %s\n", target, source.c_str());
      return 1;
    }
  }
  return 0;
}
