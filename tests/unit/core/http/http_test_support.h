#pragma once
// Test helpers for core/http: a local httplib server on port 0, a gate that blocks handlers until
// the test is done, and a self-signed certificate made at run time.
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_OPENSSL_SUPPORT
#endif
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace siraya::core::http::testing {

// Blocks server handlers until released; released at the latest when the LocalServer goes away.
class Gate {
 public:
  void release();
  void wait();
  // True once released; false after `d` without release.
  bool wait_for(std::chrono::milliseconds d);

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool open_ = false;
};

class LocalServer {
 public:
  explicit LocalServer(
      std::unique_ptr<httplib::Server> server = std::make_unique<httplib::Server>());
  ~LocalServer();
  LocalServer(const LocalServer&) = delete;
  LocalServer& operator=(const LocalServer&) = delete;

  httplib::Server& routes() { return *server_; }
  Gate& gate() { return gate_; }
  // Binds host on port 0 and serves from a thread; false when the host cannot be bound.
  bool start(const std::string& host = "127.0.0.1");
  int port() const { return port_; }
  // "http://127.0.0.1:<port><path>"; IPv6 hosts get brackets.
  std::string url(const std::string& scheme = "http", const std::string& path = "") const;

 private:
  Gate gate_;
  std::unique_ptr<httplib::Server> server_;
  std::string host_;
  int port_ = -1;
  std::thread thread_;
};

// A port on 127.0.0.1 that nothing listens on (bound, then closed).
int unused_port();

// A listening socket whose accept queue is full, so further connects to it hang (Linux drops SYNs
// to a full queue); closes everything on destruction.
class FullBacklog {
 public:
  FullBacklog();
  ~FullBacklog();
  FullBacklog(const FullBacklog&) = delete;
  FullBacklog& operator=(const FullBacklog&) = delete;
  int port() const { return port_; }

 private:
  int listener_ = -1;
  int port_ = -1;
  int fillers_[4] = {-1, -1, -1, -1};
};

// A self-signed CA:TRUE certificate with the given subject CN and subjectAltName (OpenSSL config
// syntax, e.g. "IP:127.0.0.1"; empty for none), its key, and its PEM file in a fresh temp dir.
class SelfSignedCert {
 public:
  SelfSignedCert(const std::string& common_name, const std::string& subject_alt_name);
  ~SelfSignedCert();
  SelfSignedCert(const SelfSignedCert&) = delete;
  SelfSignedCert& operator=(const SelfSignedCert&) = delete;

  X509* cert() const { return cert_; }
  EVP_PKEY* key() const { return key_; }
  std::string pem_path() const { return (dir_ / "cert.pem").string(); }
  std::unique_ptr<httplib::Server> make_server() const;

 private:
  EVP_PKEY* key_ = nullptr;
  X509* cert_ = nullptr;
  std::filesystem::path dir_;
};

}  // namespace siraya::core::http::testing
