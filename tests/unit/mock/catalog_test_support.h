#pragma once
// Helpers for the catalog, embeddings and rerank tests: a fixture that posts JSON to one path and
// reads 200 bodies or 400 errors, and catalog files written to the test's temporary folder.
#include <fstream>
#include <string>

#include "mock_test_support.h"

namespace siraya::mock::testing {

// Writes `text` to a fresh file under the test temp folder and returns its path.
inline std::string write_temp_file(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + "siraya_" + name;
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  return path;
}

class EndpointTest : public MockTest {
 protected:
  httplib::Result post(const std::string& path, const nlohmann::json& body) {
    return client().Post(path, auth_headers(), body.dump(), "application/json");
  }
  // The body of a 200 answer to `body`.
  nlohmann::json ok(const std::string& path, const nlohmann::json& body) {
    auto res = post(path, body);
    EXPECT_TRUE(res);
    if (!res) return nlohmann::json();
    EXPECT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    return json_of(res);
  }
  // The error object of the 400 answer to `body`.
  nlohmann::json rejected(const std::string& path, const nlohmann::json& body) {
    auto res = post(path, body);
    EXPECT_TRUE(res);
    if (!res) return nlohmann::json();
    EXPECT_EQ(res->status, 400) << res->body;
    const nlohmann::json parsed = json_of(res);
    EXPECT_EQ(parsed["error"]["type"], "invalid_request_error") << res->body;
    return parsed["error"];
  }
};

}  // namespace siraya::mock::testing
