#include "certificates_support.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <memory>

namespace siraya::testing {
namespace {

constexpr long kDay = 24 * 60 * 60;

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Cert = std::unique_ptr<X509, decltype(&X509_free)>;

Key new_key() { return Key(EVP_EC_gen("P-256"), EVP_PKEY_free); }

void add_extension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  ASSERT_NE(ext, nullptr) << "extension " << OBJ_nid2sn(nid) << "=" << value;
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
}

// A certificate for `key`, signed by `issuer_key` (issuer nullptr: self-signed), valid over
// [now + from, now + to] seconds.
Cert make_cert(EVP_PKEY* key, const char* common_name, const char* alt_names, bool is_ca, X509* issuer,
               EVP_PKEY* issuer_key, long from, long to, long serial) {
  Cert cert(X509_new(), X509_free);
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), from);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), to);
  X509_set_pubkey(cert.get(), key);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(common_name), -1, -1, 0);
  X509* signer = issuer != nullptr ? issuer : cert.get();
  X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
  add_extension(cert.get(), signer, NID_subject_key_identifier, "hash");
  if (is_ca) {
    add_extension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
    add_extension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    add_extension(cert.get(), signer, NID_authority_key_identifier, "keyid");
    add_extension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
    add_extension(cert.get(), signer, NID_key_usage, "critical,digitalSignature");
    add_extension(cert.get(), signer, NID_ext_key_usage, "serverAuth");
    add_extension(cert.get(), signer, NID_subject_alt_name, alt_names);
  }
  EXPECT_GT(X509_sign(cert.get(), issuer_key != nullptr ? issuer_key : key, EVP_sha256()), 0);
  return cert;
}

std::string write_cert(const std::filesystem::path& path, X509* cert) {
  FILE* f = std::fopen(path.c_str(), "w");
  EXPECT_NE(f, nullptr) << path;
  if (f != nullptr) {
    EXPECT_EQ(PEM_write_X509(f, cert), 1);
    std::fclose(f);
  }
  return path.string();
}

std::string write_key(const std::filesystem::path& path, EVP_PKEY* key) {
  FILE* f = std::fopen(path.c_str(), "w");
  EXPECT_NE(f, nullptr) << path;
  if (f != nullptr) {
    EXPECT_EQ(PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr), 1);
    std::fclose(f);
  }
  return path.string();
}

}  // namespace

TestCertificates TestCertificates::make(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  TestCertificates out;
  Key ca_key = new_key();
  Cert ca = make_cert(ca_key.get(), "siraya test CA", nullptr, true, nullptr, nullptr, -kDay, 30 * kDay, 1);
  out.ca = write_cert(dir / "ca.pem", ca.get());

  const auto issue = [&](const char* name, const char* alt_names, long from, long to, long serial, bool self_signed) {
    Key key = new_key();
    Cert cert = make_cert(key.get(), name, alt_names, false, self_signed ? nullptr : ca.get(),
                          self_signed ? nullptr : ca_key.get(), from, to, serial);
    const std::string stem = std::to_string(serial);
    return CertificateFiles{write_cert(dir / (stem + ".cert.pem"), cert.get()),
                            write_key(dir / (stem + ".key.pem"), key.get())};
  };
  {
    Key key = new_key();
    Cert cert = make_cert(key.get(), "127.0.0.1", "IP:127.0.0.1,DNS:localhost", false, ca.get(), ca_key.get(), -kDay,
                          kDay, 2);
    out.server = {write_cert(dir / "2.cert.pem", cert.get()), write_key(dir / "2.key.pem", key.get())};
    out.encrypted_key = (dir / "2.encrypted-key.pem").string();
    FILE* f = std::fopen(out.encrypted_key.c_str(), "w");
    EXPECT_NE(f, nullptr);
    if (f != nullptr) {
      static const char kPassphrase[] = "passphrase";
      EXPECT_EQ(PEM_write_PrivateKey(f, key.get(), EVP_aes_128_cbc(), nullptr, 0, nullptr,
                                     const_cast<char*>(kPassphrase)),
                1);
      std::fclose(f);
    }
  }
  out.expired = issue("127.0.0.1", "IP:127.0.0.1,DNS:localhost", -2 * kDay, -kDay, 3, false);
  out.wrong_host = issue("wrong.example", "DNS:wrong.example", -kDay, kDay, 4, false);
  out.self_signed = issue("127.0.0.1", "IP:127.0.0.1,DNS:localhost", -kDay, kDay, 5, true);
  return out;
}

}  // namespace siraya::testing
