#pragma once
// Shared by the attachment tests of the three dialects (chat_attachments_test.cc,
// responses_attachments_test.cc, messages_attachments_test.cc): a strict mock, and the prompt
// tokens a request is counted for, or the error object it is refused with.
#include <cstdint>
#include <string>

#include "mock_test_support.h"

namespace siraya::mock::testing {

// A valid 1x1 PNG, raw base64 (as in tests/clients/test/support/fixtures.mjs).
inline constexpr const char* kPngBase64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

class AttachmentsTest : public MockTest {
 protected:
  void SetUp() override {
    Options options;
    options.strict = true;  // answers and error bodies must pass their schemas too
    restart(options);
    // The 30 MB cases measure correctness, not speed (that is bench/'s job): under the sanitizers
    // on a busy machine one such request takes seconds, so the client waits well past that.
    client().set_read_timeout(120, 0);
    client().set_write_timeout(120, 0);
  }

  httplib::Result post(const std::string& path, const nlohmann::json& body) {
    return client().Post(path, {{"Authorization", std::string("Bearer ") + kKey}, {"anthropic-version", "2023-06-01"}},
                         body.dump(), "application/json");
  }

  // The prompt tokens of an accepted request: the integer at `usage_pointer` of the 200 body.
  std::int64_t prompt_tokens(const std::string& path, const nlohmann::json& body, const std::string& usage_pointer) {
    auto res = post(path, body);
    EXPECT_TRUE(res);
    if (!res) return -1;
    EXPECT_EQ(res->status, 200) << res->body.substr(0, 400);
    const nlohmann::json b = json_of(res);
    const nlohmann::json::json_pointer pointer(usage_pointer);
    if (!b.contains(pointer) || !b[pointer].is_number_integer()) {
      ADD_FAILURE() << "no integer at " << usage_pointer << " in " << res->body.substr(0, 400);
      return -1;
    }
    return b[pointer].get<std::int64_t>();
  }

  // The error object of a request refused with 400 (error.param is present in both the gateway
  // envelope and the Messages superset body).
  nlohmann::json rejected(const std::string& path, const nlohmann::json& body) {
    auto res = post(path, body);
    EXPECT_TRUE(res);
    if (!res) return nlohmann::json();
    EXPECT_EQ(res->status, 400) << res->body.substr(0, 400);
    const nlohmann::json b = json_of(res);
    EXPECT_EQ(b["error"]["code"], 400);
    EXPECT_EQ(b["error"]["type"], "invalid_request_error");
    EXPECT_TRUE(b["error"]["message"].is_string());
    return b["error"];
  }
};

}  // namespace siraya::mock::testing
