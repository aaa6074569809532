#pragma once
// The mock's HTTPS identity (--tls-cert, --tls-key; docs/tls.md): an OpenSSL server context loaded
// once at start and shared by every connection. Only the transport (mock/http/) uses it.
#include <memory>
#include <string>

#include <openssl/types.h>

#include "core/result.h"

namespace siraya::mock {

class TlsContext {
 public:
  // Reads the PEM certificate chain (the server certificate first) and the PEM private key, and
  // checks that they belong together. Both paths or neither: a lone one is an error. Error id
  // mock.tls, located at the file at fault, with the fix.
  static core::Result<std::shared_ptr<const TlsContext>> load(const std::string& cert_file,
                                                              const std::string& key_file);
  ~TlsContext();
  TlsContext(const TlsContext&) = delete;
  TlsContext& operator=(const TlsContext&) = delete;

  SSL_CTX* native() const { return ctx_; }

 private:
  explicit TlsContext(SSL_CTX* ctx) : ctx_(ctx) {}
  SSL_CTX* ctx_;
};

}  // namespace siraya::mock
