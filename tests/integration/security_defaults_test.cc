// The secure defaults (README "Security"): siraya-mock listens on the loopback address unless
// --host says otherwise, and its admin API is off unless --admin-token turns it on, and then
// answers to that token only (never to an API key). Checked on the binary as users start it,
// and on the listening socket itself (/proc/net/tcp), not on the printed address alone.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "child_process_support.h"
#include "mock/server.h"

namespace siraya::mock {
namespace {

using siraya::testing::ChildProcess;

// The local address of the IPv4 socket listening on `port`, as /proc/net/tcp spells it
// ("0100007F" is 127.0.0.1), or nullopt when there is none.
std::optional<std::string> listening_address(int port) {
  std::ifstream in("/proc/net/tcp");
  std::string line;
  std::getline(in, line);  // the column titles
  char wanted[8];
  std::snprintf(wanted, sizeof(wanted), "%04X", port);
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string slot, local, remote, state;
    fields >> slot >> local >> remote >> state;
    const auto colon = local.find(':');
    if (colon != std::string::npos && local.substr(colon + 1) == wanted && state == "0A") return local.substr(0, colon);
  }
  return std::nullopt;
}

bool have_proc_net_tcp() { return std::ifstream("/proc/net/tcp").good(); }

// The port of the binary's listening line, "siraya-mock listening on http://HOST:PORT (seed N)";
// 0 (and a failure) when the line does not name `host`.
int listening_port(ChildProcess& mock, const std::string& host) {
  const auto line = mock.read_line(std::chrono::seconds(30));
  if (!line) {
    ADD_FAILURE() << "no listening line; stderr: " << mock.stderr_text();
    return 0;
  }
  const std::string prefix = "siraya-mock listening on http://" + host + ":";
  if (line->rfind(prefix, 0) != 0) {
    ADD_FAILURE() << "the listening line does not name " << host << ": " << *line;
    return 0;
  }
  return std::atoi(line->c_str() + prefix.size());
}

TEST(SecurityDefaults, TheMockListensOnLoopbackUnlessToldOtherwise) {
  if (!have_proc_net_tcp()) GTEST_SKIP() << "/proc/net/tcp is not readable here";
  Options defaults;
  EXPECT_EQ(defaults.host, "127.0.0.1");
  defaults.port = 0;
  auto server = Server::start(defaults);
  ASSERT_TRUE(server) << server.error().to_string();
  EXPECT_EQ(listening_address((*server)->port()), "0100007F") << "the embedded mock's socket";

  ChildProcess binary({SIRAYA_MOCK_BIN, "--port", "0"});
  const int port = listening_port(binary, "127.0.0.1");
  ASSERT_GT(port, 0);
  EXPECT_EQ(listening_address(port), "0100007F") << "the binary without --host";
  binary.signal(SIGTERM);
  EXPECT_EQ(binary.wait(std::chrono::seconds(30)), 0) << binary.stderr_text();

  // --host is obeyed; another loopback address keeps the test off the network.
  ChildProcess other({SIRAYA_MOCK_BIN, "--port", "0", "--host", "127.0.0.2"});
  const int other_port = listening_port(other, "127.0.0.2");
  ASSERT_GT(other_port, 0);
  EXPECT_EQ(listening_address(other_port), "0200007F");
  other.signal(SIGTERM);
  EXPECT_EQ(other.wait(std::chrono::seconds(30)), 0) << other.stderr_text();
}

TEST(SecurityDefaults, TheAdminApiIsOffByDefaultAndTakesOnlyItsToken) {
  const httplib::Headers key = {{"Authorization", "Bearer sk-security-key"}};
  const httplib::Headers token = {{"Authorization", "Bearer admin-security-token"}};
  {
    ChildProcess mock({SIRAYA_MOCK_BIN, "--port", "0", "--key", "sk-security-key"});
    const int port = listening_port(mock, "127.0.0.1");
    ASSERT_GT(port, 0);
    httplib::Client client("127.0.0.1", port);
    for (const auto& headers : {key, token, httplib::Headers{}}) {
      auto res = client.Get("/__admin/requests", headers);
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 404) << "no admin API without --admin-token";
      EXPECT_EQ(client.Post("/__admin/reset", headers, "", "application/json")->status, 404);
    }
    mock.signal(SIGTERM);
    EXPECT_EQ(mock.wait(std::chrono::seconds(30)), 0);
  }
  ChildProcess mock({SIRAYA_MOCK_BIN, "--port", "0", "--key", "sk-security-key", "--admin-token", "admin-security-token"});
  const int port = listening_port(mock, "127.0.0.1");
  ASSERT_GT(port, 0);
  httplib::Client client("127.0.0.1", port);
  auto res = client.Get("/__admin/requests", key);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401) << "an API key is no admin token";
  EXPECT_EQ(res->get_header_value("WWW-Authenticate").rfind("Bearer", 0), 0u);
  EXPECT_EQ(client.Get("/__admin/requests")->status, 401);
  EXPECT_EQ(client.Get("/__admin/requests", token)->status, 200);
  // ... and the admin token is no API key.
  EXPECT_EQ(client.Get("/v1/models", token)->status, 401);
  EXPECT_EQ(client.Get("/v1/models", key)->status, 200);
  mock.signal(SIGTERM);
  EXPECT_EQ(mock.wait(std::chrono::seconds(30)), 0) << mock.stderr_text();
}

}  // namespace
}  // namespace siraya::mock
