#pragma once
// Certificates made at test time with the OpenSSL API (EC P-256, PEM files in a folder): a CA, a
// server certificate for 127.0.0.1 and localhost signed by it, an expired one, one for another
// host, and a self-signed one; nothing is checked in, nothing expires in the repository.
#include <filesystem>
#include <string>

namespace siraya::testing {

struct CertificateFiles {
  std::string cert;  // PEM certificate
  std::string key;   // PEM private key (unencrypted)
};

struct TestCertificates {
  std::string ca;                // the CA's certificate: what --ca-file trusts
  CertificateFiles server;       // 127.0.0.1 and localhost, signed by the CA, valid from a day ago to a day ahead
  CertificateFiles expired;      // 127.0.0.1, signed by the CA, expired yesterday
  CertificateFiles wrong_host;   // wrong.example only, signed by the CA
  CertificateFiles self_signed;  // 127.0.0.1, signed by its own key
  std::string encrypted_key;     // the server certificate's key, encrypted with a passphrase

  // Writes every file into `dir` (created when missing). Fails the current test on an OpenSSL error.
  static TestCertificates make(const std::filesystem::path& dir);
};

}  // namespace siraya::testing
