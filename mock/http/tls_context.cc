#include "mock/http/tls_context.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace siraya::mock {
namespace {

// The reason OpenSSL gives for the last failure on this thread (its error queue is then empty).
std::string openssl_reason() {
  std::string reason;
  while (const unsigned long code = ERR_get_error()) {
    char text[256];
    ERR_error_string_n(code, text, sizeof(text));
    reason = text;  // the last one is the most specific
  }
  return reason.empty() ? std::string() : " (OpenSSL: " + reason + ")";
}

core::Result<void> readable(const std::string& path, const char* what, const char* option) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return core::fail("mock.tls", std::string("cannot read the ") + what + ": " + std::strerror(errno), path,
                      std::string("check the path given to ") + option + " and that the file is readable");
  }
  return {};
}

}  // namespace

core::Result<std::shared_ptr<const TlsContext>> TlsContext::load(const std::string& cert_file,
                                                                 const std::string& key_file) {
  if (cert_file.empty() || key_file.empty()) {
    return core::fail("mock.tls", cert_file.empty() ? "--tls-key needs --tls-cert" : "--tls-cert needs --tls-key",
                      cert_file.empty() ? key_file : cert_file,
                      "give both --tls-cert FILE and --tls-key FILE to serve HTTPS, or neither for HTTP");
  }
  if (auto ok = readable(cert_file, "TLS certificate file", "--tls-cert"); !ok) return core::Unexpected(ok.error());
  if (auto ok = readable(key_file, "TLS private key file", "--tls-key"); !ok) return core::Unexpected(ok.error());

  ERR_clear_error();
  SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
  if (ctx == nullptr) return core::fail("mock.tls", "cannot create a TLS context" + openssl_reason());
  std::shared_ptr<const TlsContext> context(new TlsContext(ctx));
  SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  // A client that drops the connection without close_notify is no error for a test server.
  SSL_CTX_set_options(ctx, SSL_OP_IGNORE_UNEXPECTED_EOF | SSL_OP_NO_RENEGOTIATION);
  if (SSL_CTX_use_certificate_chain_file(ctx, cert_file.c_str()) != 1) {
    return core::fail("mock.tls", "no PEM certificate in the TLS certificate file" + openssl_reason(), cert_file,
                      "give --tls-cert a PEM file (\"-----BEGIN CERTIFICATE-----\"): the server certificate, "
                      "then any intermediate CA certificates");
  }
  // Read apart from the context, so that a file without a key and a key of another certificate
  // get their own messages; an encrypted key fails (no passphrase callback) instead of OpenSSL
  // prompting for its passphrase on the terminal.
  EVP_PKEY* key = nullptr;
  if (BIO* in = BIO_new_file(key_file.c_str(), "r")) {
    key = PEM_read_bio_PrivateKey(in, nullptr, [](char*, int, int, void*) { return 0; }, nullptr);
    BIO_free(in);
  }
  if (key == nullptr) {
    return core::fail("mock.tls", "no usable PEM private key in the TLS key file" + openssl_reason(), key_file,
                      "give --tls-key the unencrypted PEM private key (\"-----BEGIN PRIVATE KEY-----\") of the "
                      "certificate; `openssl pkey -in KEY -out KEY.pem` removes a passphrase");
  }
  const bool used = SSL_CTX_use_PrivateKey(ctx, key) == 1;
  EVP_PKEY_free(key);  // the context holds its own reference
  if (!used || SSL_CTX_check_private_key(ctx) != 1) {
    return core::fail("mock.tls", "the private key does not match the certificate in " + cert_file + openssl_reason(),
                      key_file, "give --tls-key the key the certificate was issued for");
  }
  return context;
}

TlsContext::~TlsContext() { SSL_CTX_free(ctx_); }

}  // namespace siraya::mock
