#include "mock/embeddings/render.h"

#include <charconv>

#include "mock/embeddings/base64.h"
#include "mock/json_text.h"

namespace siraya::mock::embeddings {
namespace {

// Written by hand rather than through nlohmann::json, whose numbers are doubles: a float32 value
// printed as a double shows float noise ("0.012299999594688416"), while std::to_chars on the float
// gives the shortest text that reads back as the same float32 ("0.0123").
void append_floats(std::string& out, const std::vector<float>& values) {
  out += '[';
  char buffer[32];
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, values[i]);
    out.append(buffer, result.ptr);
  }
  out += ']';
}

}  // namespace

std::string render_body(const EmbeddingRequest& request, const std::vector<std::vector<float>>& vectors) {
  std::string out = R"({"object":"list","data":[)";
  for (std::size_t i = 0; i < vectors.size(); ++i) {
    if (i) out += ',';
    out += R"({"object":"embedding","index":)" + std::to_string(i) + R"(,"embedding":)";
    if (request.base64) {
      out += '"' + float32_le_base64(vectors[i]) + '"';
    } else {
      append_floats(out, vectors[i]);
    }
    out += '}';
  }
  out += R"(],"model":)" + to_json_text(nlohmann::json(request.model_name));
  const std::string tokens = std::to_string(request.prompt_tokens);
  out += R"(,"usage":{"prompt_tokens":)" + tokens + R"(,"total_tokens":)" + tokens + "}}";
  return out;
}

}  // namespace siraya::mock::embeddings
