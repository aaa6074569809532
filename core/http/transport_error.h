#pragma once
// Private to core/http: turns what went wrong in one request into an Error with an id, the facts
// known so far (limit, bytes received) and a fix. Ids are listed in core/http/client.h.
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_OPENSSL_SUPPORT
#endif
#include <httplib.h>

#include <string>

#include "core/http/base_url.h"
#include "core/http/client.h"
#include "core/http/watchdog.h"
#include "core/result.h"

namespace siraya::core::http {

// What one failed request got before it failed, for messages.
struct Attempt {
  const BaseUrl& url;
  std::string location;  // the full request URL
  Watchdog::Progress progress;
  int status = 0;  // valid when progress.headers
};

// The connection timeout handed to httplib: connecting can never outlast first_byte or total.
std::chrono::milliseconds connect_limit(const Timeouts& limits);

// One of the watchdog's limits passed.
Error timeout_error(Limit limit, const Timeouts& limits, const Attempt& attempt);

// httplib reported `error` and no limit of the watchdog fired. httplib's own connection timeout is
// the smallest of the connect, first_byte and total limits (connect_limit()). `ssl` is null for
// http.
Error transport_error(httplib::Error error, const Timeouts& limits, const Attempt& attempt,
                      const httplib::SSLClient* ssl);

}  // namespace siraya::core::http
