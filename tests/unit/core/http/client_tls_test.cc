// HTTPS: verification is on by default, --ca-file trusts a given CA, --insecure skips checks,
// the host must match the certificate, and the default trust store is OpenSSL's.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "core/http/client.h"
#include "tests/unit/core/http/http_test_support.h"

namespace siraya::core::http {
namespace {

using testing::LocalServer;
using testing::SelfSignedCert;

class TlsTest : public ::testing::Test {
 protected:
  // The server presents `cert`; the test then asks for https://127.0.0.1:<port>/v1/ping.
  void serve(const SelfSignedCert& cert) {
    server_ = std::make_unique<LocalServer>(cert.make_server());
    server_->routes().Get("/v1/ping", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("pong", "text/plain");
    });
    ASSERT_TRUE(server_->start());
  }

  Result<Response> ping(ClientOptions options) {
    options.base_url = server_->url("https", "/v1");
    auto client = Client::create(std::move(options));
    if (!client) return Unexpected<Error>(client.error());
    return (*client)->send(Request{.path = "/ping"}, Mode::buffered);
  }

  SelfSignedCert cert_{"127.0.0.1", "IP:127.0.0.1"};
  std::unique_ptr<LocalServer> server_;
};

TEST_F(TlsTest, UnknownIssuerFailsByDefault) {
  serve(cert_);
  auto res = ping({});
  ASSERT_FALSE(res);
  EXPECT_EQ(res.error().id, "http.tls");
  EXPECT_NE(res.error().fix.find("--ca-file"), std::string::npos);
  EXPECT_NE(res.error().fix.find("--insecure"), std::string::npos);
}

TEST_F(TlsTest, CaFileTrustsTheServer) {
  serve(cert_);
  auto res = ping({.ca_file = cert_.pem_path()});
  ASSERT_TRUE(res) << res.error().to_string();
  EXPECT_EQ(res->body, "pong");
}

TEST_F(TlsTest, InsecureSkipsVerification) {
  serve(cert_);
  auto res = ping({.insecure = true});
  ASSERT_TRUE(res) << res.error().to_string();
  EXPECT_EQ(res->body, "pong");
}

TEST_F(TlsTest, CertificateForAnotherHostFailsEvenWithItsCa) {
  // subjectAltName names another host; the CN alone must not be enough (RFC 6125 section 6.4.4).
  SelfSignedCert other{"127.0.0.1", "DNS:gateway.example"};
  serve(other);
  auto res = ping({.ca_file = other.pem_path()});
  ASSERT_FALSE(res);
  EXPECT_EQ(res.error().id, "http.tls");
}

TEST_F(TlsTest, DefaultTrustStoreIsOpenSslsOwn) {
  // SSL_CERT_FILE replaces OpenSSL's default bundle, which is what a client without --ca-file
  // must trust. Set before any server thread runs.
  ASSERT_EQ(::setenv("SSL_CERT_FILE", cert_.pem_path().c_str(), 1), 0);
  serve(cert_);
  auto res = ping({});
  server_.reset();
  ::unsetenv("SSL_CERT_FILE");
  ASSERT_TRUE(res) << res.error().to_string();
  EXPECT_EQ(res->body, "pong");
}

TEST_F(TlsTest, SecondRequestOnTheSameClientVerifiesToo) {
  serve(cert_);
  auto client = Client::create(
      ClientOptions{.base_url = server_->url("https", "/v1"), .ca_file = cert_.pem_path()});
  ASSERT_TRUE(client);
  for (int round = 0; round < 3; ++round) {
    auto res = (*client)->send(Request{.path = "/ping"}, Mode::buffered);
    ASSERT_TRUE(res) << res.error().to_string();
    EXPECT_EQ(res->body, "pong");
  }
}

TEST_F(TlsTest, IdleLimitStopsAStalledTlsStream) {
  server_ = std::make_unique<LocalServer>(cert_.make_server());
  auto& gate = server_->gate();
  server_->routes().Get("/v1/ping", [&gate](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/event-stream",
                                     [&gate](size_t offset, httplib::DataSink& sink) {
                                       if (offset == 0) {
                                         sink.write("data: 1\n\n", 9);
                                         return true;
                                       }
                                       gate.wait();
                                       return false;
                                     });
  });
  ASSERT_TRUE(server_->start());
  using namespace std::chrono_literals;
  auto res = ping({.insecure = true,
                   .timeouts = {.connect = 20s, .first_byte = 20s, .idle = 200ms, .total = 20s}});
  ASSERT_FALSE(res);
  EXPECT_EQ(res.error().id, "http.timeout.idle");
}

TEST_F(TlsTest, PlainHttpServerIsATlsError) {
  LocalServer plain;
  ASSERT_TRUE(plain.start());
  auto client = Client::create(ClientOptions{.base_url = plain.url("https"), .insecure = true});
  ASSERT_TRUE(client);
  auto res = (*client)->send(Request{.path = "/"}, Mode::buffered);
  ASSERT_FALSE(res);
  EXPECT_EQ(res.error().id, "http.tls");
}

TEST(TlsOptions, UnreadableCaFileFailsAtCreate) {
  auto client = Client::create(
      ClientOptions{.base_url = "https://127.0.0.1", .ca_file = "/nonexistent/ca.pem"});
  ASSERT_FALSE(client);
  EXPECT_EQ(client.error().id, "http.tls");
}

}  // namespace
}  // namespace siraya::core::http
