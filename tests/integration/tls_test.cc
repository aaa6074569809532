// HTTPS end to end (docs/tls.md): siraya-mock serving TLS (--tls-cert, --tls-key) with
// certificates made at test time, and the harness verifying them. With --ca-file the CA, a run
// passes; a self-signed, expired or wrong-host certificate is an http.tls error (exit 3) that
// says why, unless --insecure; an SDK-like client gets buffered and streamed answers; bad
// certificate or key files are refused with mock.tls (the binary exits 2).
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "certificates_support.h"
#include "child_process_support.h"
#include "harness/cli/run_command.h"
#include "mock/server.h"

namespace siraya::harness {
namespace {

namespace fs = std::filesystem;
using siraya::testing::CertificateFiles;
using siraya::testing::ChildProcess;
using siraya::testing::TestCertificates;

constexpr const char* kKey = "sk-tls-test-key";

constexpr const char* kSuite = R"({
  "version": 1,
  "name": "it/tls",
  "defaults": {"headers": {"Authorization": "Bearer ${api_key}"}},
  "cases": [
    {"id": "models", "name": "lists models", "request": {"method": "GET", "path": "/models"}, "expect": {"status": 200}},
    {"id": "chat", "name": "a chat answer",
     "request": {"method": "POST", "path": "/chat/completions",
                 "body": {"model": "openai/gpt-4o", "messages": [{"role": "user", "content": "Say hi."}]}},
     "expect": {"status": 200}},
    {"id": "stream", "name": "a streamed chat answer",
     "request": {"method": "POST", "path": "/chat/completions",
                 "body": {"model": "openai/gpt-4o", "stream": true, "messages": [{"role": "user", "content": "Say hi."}]}},
     "expect": {"status": 200}}
  ]
})";

class TlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::path(::testing::TempDir()) / ("tls_test." + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    certs_ = new TestCertificates(TestCertificates::make(*dir_ / "certs"));
    fs::create_directories(*dir_ / "suites");
    std::ofstream(*dir_ / "suites" / "tls.suite.json") << kSuite;
  }
  static void TearDownTestSuite() {
    std::error_code ignored;
    fs::remove_all(*dir_, ignored);
    delete certs_;
    delete dir_;
  }

  static std::unique_ptr<mock::Server> start_https(const CertificateFiles& files) {
    mock::Options options;
    options.port = 0;
    options.keys = {kKey};
    options.strict = true;
    options.tls_cert_file = files.cert;
    options.tls_key_file = files.key;
    auto server = mock::Server::start(std::move(options));
    if (!server) {
      ADD_FAILURE() << server.error().to_string();
      return nullptr;
    }
    return std::move(*server);
  }

  // `siraya-harness run` against `base_url`: {exit code, stdout + stderr}.
  static std::pair<int, std::string> run(const std::string& base_url, const std::string& ca_file, bool insecure) {
    RunCommand c;
    c.base_url = base_url;
    c.suite_dirs = {(*dir_ / "suites").string()};
    c.api_key = kKey;
    c.ca_file = ca_file;
    c.insecure = insecure;
    c.retries = 0;
    c.jobs = 1;
    std::ostringstream out, err;
    const int code = run_command(c, out, err);
    return {code, out.str() + err.str()};
  }

  static fs::path* dir_;
  static TestCertificates* certs_;
};

fs::path* TlsTest::dir_ = nullptr;
TestCertificates* TlsTest::certs_ = nullptr;

TEST_F(TlsTest, HarnessPassesWithTheCaFile) {
  auto server = start_https(certs_->server);
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(server->base_url(), "https://127.0.0.1:" + std::to_string(server->port()) + "/v1");
  auto [code, output] = run(server->base_url(), certs_->ca, false);
  EXPECT_EQ(code, 0) << output;
  EXPECT_NE(output.find("PASS  it/tls#stream"), std::string::npos) << output;
}

TEST_F(TlsTest, WithoutTheCaTheCertificateIsRejected) {
  auto server = start_https(certs_->server);
  ASSERT_NE(server, nullptr);
  auto [code, output] = run(server->base_url(), "", false);  // the system's trust store lacks the test CA
  EXPECT_EQ(code, 3) << output;
  EXPECT_NE(output.find("[http.tls]"), std::string::npos) << output;
  EXPECT_NE(output.find("unable to get local issuer certificate"), std::string::npos) << output;
}

TEST_F(TlsTest, BadCertificatesAreTlsErrorsThatSayWhy) {
  const std::pair<const CertificateFiles*, const char*> cases[] = {
      {&certs_->self_signed, "self-signed certificate"},
      {&certs_->expired, "certificate has expired"},
      {&certs_->wrong_host, "IP address mismatch"},
  };
  for (const auto& [files, why] : cases) {
    SCOPED_TRACE(why);
    auto server = start_https(*files);
    ASSERT_NE(server, nullptr);
    auto [code, output] = run(server->base_url(), certs_->ca, false);
    EXPECT_EQ(code, 3) << output;
    EXPECT_NE(output.find("[http.tls]"), std::string::npos) << output;
    EXPECT_NE(output.find(why), std::string::npos) << output;
    EXPECT_NE(output.find("--insecure"), std::string::npos) << "the fix names the way out: " << output;

    // --insecure connects anyway: the user asked for it.
    auto [insecure_code, insecure_output] = run(server->base_url(), "", true);
    EXPECT_EQ(insecure_code, 0) << insecure_output;
  }
}

TEST_F(TlsTest, SdkLikeClientGetsBufferedAndStreamedAnswers) {
  auto server = start_https(certs_->server);
  ASSERT_NE(server, nullptr);
  httplib::SSLClient client("127.0.0.1", server->port());
  client.set_ca_cert_path(certs_->ca.c_str());
  client.enable_server_certificate_verification(true);
  client.set_read_timeout(10, 0);
  const httplib::Headers headers = {{"Authorization", std::string("Bearer ") + kKey}};
  const std::string body = R"({"model":"openai/gpt-4o","messages":[{"role":"user","content":"Name a river."}]})";

  auto res = client.Post("/v1/chat/completions", headers, body, "application/json");
  ASSERT_TRUE(res) << httplib::to_string(res.error()) << " (verify result " << client.get_openssl_verify_result() << ")";
  EXPECT_EQ(res->status, 200) << res->body;
  const auto answer = nlohmann::json::parse(res->body, nullptr, false);
  ASSERT_FALSE(answer.is_discarded()) << res->body;
  EXPECT_EQ(answer["object"], "chat.completion");
  EXPECT_FALSE(answer["choices"][0]["message"]["content"].get<std::string>().empty());
  EXPECT_FALSE(res->get_header_value("x-request-id").empty());

  // The same connection (keep-alive) carries the stream, one TLS record per event or so.
  std::string streamed;
  int reads = 0;
  httplib::Request req;
  req.method = "POST";
  req.path = "/v1/chat/completions";
  req.headers = headers;
  req.set_header("Content-Type", "application/json");
  req.body = R"({"model":"openai/gpt-4o","stream":true,"messages":[{"role":"user","content":"Name a river."}]})";
  req.content_receiver = [&](const char* data, std::size_t size, std::uint64_t, std::uint64_t) {
    streamed.append(data, size);
    ++reads;
    return true;
  };
  auto stream = client.send(req);
  ASSERT_TRUE(stream) << httplib::to_string(stream.error());
  EXPECT_EQ(stream->status, 200);
  EXPECT_EQ(stream->get_header_value("Content-Type").rfind("text/event-stream", 0), 0u);
  EXPECT_NE(streamed.find("\"role\":\"assistant\""), std::string::npos) << streamed;
  EXPECT_EQ(streamed.size() >= 14 ? streamed.substr(streamed.size() - 14) : streamed, "data: [DONE]\n\n");
  EXPECT_GT(reads, 1) << "events arrive as they are written, not in one buffer";
}

TEST_F(TlsTest, PlainHttpToTheTlsPortGetsNoAnswerAndServingGoesOn) {
  auto server = start_https(certs_->server);
  ASSERT_NE(server, nullptr);
  httplib::Client plain("127.0.0.1", server->port());
  plain.set_read_timeout(10, 0);
  auto res = plain.Get("/health");
  EXPECT_FALSE(res) << "a plain-HTTP request is not answered over TLS";

  httplib::SSLClient client("127.0.0.1", server->port());
  client.set_ca_cert_path(certs_->ca.c_str());
  client.enable_server_certificate_verification(true);
  auto health = client.Get("/health");
  ASSERT_TRUE(health) << httplib::to_string(health.error());
  EXPECT_EQ(health->status, 200);
}

TEST_F(TlsTest, BadFilesAreRefusedWithMockTls) {
  const std::string not_pem = (*dir_ / "not-a-certificate.txt").string();
  std::ofstream(not_pem) << "just text\n";
  const std::string missing = (*dir_ / "missing.pem").string();
  struct Case {
    std::string cert, key, location, says;
  };
  const Case cases[] = {
      {missing, certs_->server.key, missing, "cannot read the TLS certificate file"},
      {certs_->server.cert, missing, missing, "cannot read the TLS private key file"},
      {not_pem, certs_->server.key, not_pem, "no PEM certificate"},
      {certs_->server.cert, not_pem, not_pem, "no usable PEM private key"},
      {certs_->server.cert, certs_->encrypted_key, certs_->encrypted_key, "no usable PEM private key"},  // never prompts
      {certs_->server.cert, certs_->wrong_host.key, certs_->wrong_host.key, "does not match the certificate"},
      {certs_->server.cert, "", certs_->server.cert, "--tls-cert needs --tls-key"},
      {"", certs_->server.key, certs_->server.key, "--tls-key needs --tls-cert"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.says);
    mock::Options options;
    options.port = 0;
    options.tls_cert_file = c.cert;
    options.tls_key_file = c.key;
    auto server = mock::Server::start(std::move(options));
    ASSERT_FALSE(server);
    EXPECT_EQ(server.error().id, "mock.tls");
    EXPECT_EQ(server.error().location, c.location);
    EXPECT_NE(server.error().message.find(c.says), std::string::npos) << server.error().to_string();
    EXPECT_FALSE(server.error().fix.empty());
  }
}

TEST_F(TlsTest, TheBinaryServesHttpsAndExitsTwoOnBadFiles) {
  ChildProcess good({SIRAYA_MOCK_BIN, "--port", "0", "--tls-cert", certs_->server.cert, "--tls-key", certs_->server.key});
  ASSERT_TRUE(good.started());
  const auto line = good.read_line(std::chrono::seconds(30));
  ASSERT_TRUE(line) << good.stderr_text();
  EXPECT_EQ(line->rfind("siraya-mock listening on https://127.0.0.1:", 0), 0u) << *line;
  good.signal(SIGTERM);
  EXPECT_EQ(good.wait(std::chrono::seconds(30)), 0) << good.stderr_text();

  ChildProcess mismatched(
      {SIRAYA_MOCK_BIN, "--port", "0", "--tls-cert", certs_->server.cert, "--tls-key", certs_->expired.key});
  EXPECT_EQ(mismatched.wait(std::chrono::seconds(30)), 2);
  EXPECT_NE(mismatched.stderr_text().find("[mock.tls] " + certs_->expired.key), std::string::npos)
      << mismatched.stderr_text();
  EXPECT_TRUE(mismatched.stdout_text().empty()) << "it never listened";

  ChildProcess lone({SIRAYA_MOCK_BIN, "--port", "0", "--tls-cert", certs_->server.cert});
  EXPECT_EQ(lone.wait(std::chrono::seconds(30)), 2);
  EXPECT_NE(lone.stderr_text().find("--tls-key"), std::string::npos) << lone.stderr_text();
}

}  // namespace
}  // namespace siraya::harness
