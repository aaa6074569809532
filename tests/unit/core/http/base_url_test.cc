// Client::create accepts http(s) base URLs with an optional port and path prefix, and rejects
// everything else with http.bad_url and a fix.
#include <gtest/gtest.h>

#include <string>

#include "core/http/client.h"

namespace siraya::core::http {
namespace {

class BadBaseUrl : public ::testing::TestWithParam<std::string> {};

TEST_P(BadBaseUrl, IsRejectedWithAFix) {
  auto client = Client::create(ClientOptions{.base_url = GetParam()});
  ASSERT_FALSE(client);
  EXPECT_EQ(client.error().id, "http.bad_url");
  EXPECT_EQ(client.error().location, GetParam());
  EXPECT_FALSE(client.error().fix.empty());
}

INSTANTIATE_TEST_SUITE_P(Urls, BadBaseUrl,
                         ::testing::Values("", "127.0.0.1:8080/v1", "//host/v1", "ftp://host/v1",
                                           "ws://host", "http://", "http:///v1", "http://:8080",
                                           "http://host:", "http://host:0", "http://host:65536",
                                           "http://host:80x", "http://host:-1", "http://[::1",
                                           "http://[::1]x", "http://[nope]:80",
                                           "http://user:pw@host", "http://host/v1?key=1",
                                           "http://host/v1#x", "http://ho st/v1", " http://host",
                                           "http://host/v1\n", "http://h%41"));

class GoodBaseUrl : public ::testing::TestWithParam<std::string> {};

TEST_P(GoodBaseUrl, IsAccepted) {
  auto client = Client::create(ClientOptions{.base_url = GetParam()});
  ASSERT_TRUE(client) << client.error().to_string();
}

INSTANTIATE_TEST_SUITE_P(Urls, GoodBaseUrl,
                         ::testing::Values("http://127.0.0.1:8080/v1", "https://gw.example/v1",
                                           "HTTPS://GW.example", "http://localhost",
                                           "http://host:1/", "http://host:65535/a/b/",
                                           "http://[::1]:8080/v1", "https://[2001:db8::1]",
                                           "http://my_host.internal"));

}  // namespace
}  // namespace siraya::core::http
