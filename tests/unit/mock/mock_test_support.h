#pragma once
// Shared helpers for the mock's tests: an in-process server on port 0 and an httplib client.
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "mock/server.h"

namespace siraya::mock::testing {

inline constexpr const char* kKey = "sk-test-key";

inline std::unique_ptr<Server> start_mock(Options options = {}) {
  options.port = 0;
  auto server = Server::start(std::move(options));
  if (!server) {
    ADD_FAILURE() << server.error().to_string();
    return nullptr;
  }
  return std::move(*server);
}

inline std::unique_ptr<httplib::Client> client_for(const Server& server) {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", server.port());
  client->set_read_timeout(10, 0);
  client->set_keep_alive(true);
  client->set_tcp_nodelay(true);  // the client sends headers and body in two writes (Nagle)
  return client;
}

inline httplib::Headers auth_headers() { return {{"Authorization", std::string("Bearer ") + kKey}}; }

// A small valid chat request; callers add or override fields.
inline nlohmann::json chat_request(const std::string& prompt = "Tell me about rivers.") {
  return {{"model", "openai/gpt-4o"}, {"messages", {{{"role", "user"}, {"content", prompt}}}}};
}

inline httplib::Result post_chat(httplib::Client& client, const nlohmann::json& body,
                                 httplib::Headers headers = auth_headers()) {
  return client.Post("/v1/chat/completions", headers, body.dump(), "application/json");
}

inline nlohmann::json json_of(const httplib::Result& result) {
  if (!result) return nlohmann::json();
  return nlohmann::json::parse(result->body, nullptr, false);
}

// Test fixture: one server with default options per test.
class MockTest : public ::testing::Test {
 protected:
  // A fixed clock, so that two answers to one request are byte-identical even when a second
  // boundary passes between them (tests that compare bodies would flake otherwise).
  void SetUp() override {
    Options options;
    options.fixed_clock = 1761200000;
    restart(std::move(options));
  }
  void restart(Options options) {
    client_.reset();
    server_.reset();
    server_ = start_mock(std::move(options));
    ASSERT_NE(server_, nullptr);
    client_ = client_for(*server_);
  }
  httplib::Client& client() { return *client_; }

  std::unique_ptr<Server> server_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace siraya::mock::testing
