#include "tests/unit/core/http/http_test_support.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace siraya::core::http::testing {

void Gate::release() {
  {
    std::lock_guard lock(mu_);
    open_ = true;
  }
  cv_.notify_all();
}

void Gate::wait() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [this] { return open_; });
}

bool Gate::wait_for(std::chrono::milliseconds d) {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, d, [this] { return open_; });
}

LocalServer::LocalServer(std::unique_ptr<httplib::Server> server) : server_(std::move(server)) {}

LocalServer::~LocalServer() {
  gate_.release();  // handlers must return before the server's worker threads can be joined
  if (thread_.joinable()) {
    server_->stop();
    thread_.join();
  }
}

bool LocalServer::start(const std::string& host) {
  host_ = host;
  port_ = server_->bind_to_any_port(host);
  if (port_ <= 0) return false;
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // The socket already listens, so clients may connect at once; this only makes stop() safe.
  while (!server_->is_running()) std::this_thread::yield();
  return true;
}

std::string LocalServer::url(const std::string& scheme, const std::string& path) const {
  const std::string host = host_.find(':') != std::string::npos ? "[" + host_ + "]" : host_;
  return scheme + "://" + host + ":" + std::to_string(port_) + path;
}

namespace {

int bound_socket(sockaddr_in& addr) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  assert(fd >= 0);
  addr = sockaddr_in{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  [[maybe_unused]] const int rc = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  assert(rc == 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  return fd;
}

}  // namespace

int unused_port() {
  sockaddr_in addr;
  const int fd = bound_socket(addr);
  ::close(fd);
  return ntohs(addr.sin_port);
}

FullBacklog::FullBacklog() {
  sockaddr_in addr;
  listener_ = bound_socket(addr);
  ::listen(listener_, 0);
  port_ = ntohs(addr.sin_port);
  for (int& fd : fillers_) {
    fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);  // EINPROGRESS is expected
  }
}

FullBacklog::~FullBacklog() {
  for (int fd : fillers_) ::close(fd);
  ::close(listener_);
}

namespace {

void add_extension(X509* cert, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_nconf_nid(nullptr, &ctx, nid, value.c_str());
  assert(ext != nullptr);
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
}

}  // namespace

SelfSignedCert::SelfSignedCert(const std::string& common_name,
                               const std::string& subject_alt_name) {
  key_ = EVP_EC_gen("P-256");
  assert(key_ != nullptr);
  cert_ = X509_new();
  X509_set_version(cert_, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert_), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert_), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert_), 24 * 3600);
  X509_set_pubkey(cert_, key_);
  X509_NAME* name = X509_get_subject_name(cert_);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
                             0);
  X509_set_issuer_name(cert_, name);
  add_extension(cert_, NID_basic_constraints, "critical,CA:TRUE");
  if (!subject_alt_name.empty()) add_extension(cert_, NID_subject_alt_name, subject_alt_name);
  X509_sign(cert_, key_, EVP_sha256());

  std::string tmpl = (std::filesystem::temp_directory_path() / "siraya-http-test-XXXXXX").string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  [[maybe_unused]] const char* made = ::mkdtemp(buf.data());
  assert(made != nullptr);
  dir_ = buf.data();
  FILE* f = std::fopen(pem_path().c_str(), "w");
  assert(f != nullptr);
  PEM_write_X509(f, cert_);
  std::fclose(f);
}

SelfSignedCert::~SelfSignedCert() {
  X509_free(cert_);
  EVP_PKEY_free(key_);
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::unique_ptr<httplib::Server> SelfSignedCert::make_server() const {
  return std::make_unique<httplib::SSLServer>(cert_, key_);  // takes its own references
}

}  // namespace siraya::core::http::testing
