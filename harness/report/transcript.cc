#include "harness/report/transcript.h"

#include <filesystem>
#include <fstream>

#include "core/sse/decoder.h"
#include "harness/report/json_fields.h"
#include "harness/suite/suite.h"
#include "harness/suite/variables.h"

namespace siraya::harness {

namespace {

using nlohmann::json;

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;  // continuation bytes
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c >> 5) == 0x6) {
      n = 1;
    } else if ((c >> 4) == 0xe) {
      n = 2;
    } else if ((c >> 3) == 0x1e) {
      n = 3;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    unsigned cp = c & (0x3fu >> n);
    for (std::size_t k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8 (RFC 3629 section 3).
    static constexpr unsigned kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += n + 1;
  }
  return true;
}

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += {kAlphabet[v >> 18], kAlphabet[(v >> 12) & 63], kAlphabet[(v >> 6) & 63], kAlphabet[v & 63]};
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// Raw bytes as JSON: {"text": ...} when they are UTF-8, {"base64": ...} otherwise.
void put_bytes(json& into, const std::string& bytes) {
  if (valid_utf8(bytes)) {
    into["text"] = bytes;
  } else {
    into["base64"] = base64(bytes);
  }
}

json headers_json(const core::http::Headers& headers, const std::set<std::string>& secrets) {
  json out = json::array();
  for (const auto& [name, value] : headers) out.push_back({name, redact(value, secrets)});
  return out;
}

json response_json(const core::http::Response& response, core::http::Mode mode, const std::set<std::string>& secrets) {
  json out = {{"status", response.status},
              {"headers", headers_json(response.headers, secrets)},
              {"first_byte_ms", to_ms(std::chrono::duration_cast<std::chrono::microseconds>(response.first_byte))},
              {"total_ms", to_ms(std::chrono::duration_cast<std::chrono::microseconds>(response.total))},
              {"truncated", response.truncated}};
  const std::string body = mask_secrets(response.body, secrets);
  if (mode != core::http::Mode::streaming) {
    json b = json::object();
    put_bytes(b, body);
    out["body"] = std::move(b);
    return out;
  }
  // The masked body, cut back into the reads as they arrived.
  json chunks = json::array();
  json events = json::array();
  core::sse::Decoder decoder;
  std::size_t offset = 0;
  for (const auto& chunk : response.chunks) {
    const std::string bytes = body.substr(offset, chunk.bytes.size());
    offset += chunk.bytes.size();
    json c = {{"at_ms", to_ms(std::chrono::duration_cast<std::chrono::microseconds>(chunk.arrival))}};
    put_bytes(c, bytes);
    chunks.push_back(std::move(c));
    for (const auto& e : decoder.feed(bytes, chunk.arrival)) {
      json ev = {{"index", e.index},
                 {"at_ms", to_ms(std::chrono::duration_cast<std::chrono::microseconds>(e.arrival))},
                 {"event", e.type},
                 {"data", e.data}};
      if (e.id) ev["id"] = *e.id;
      events.push_back(std::move(ev));
    }
  }
  decoder.finish();
  out["chunks"] = std::move(chunks);
  out["events"] = std::move(events);
  return out;
}

std::string safe_segment(std::string s) {
  if (s.empty() || s == "." || s == "..") return "_";
  return s;
}

}  // namespace

std::string mask_secrets(std::string bytes, const std::set<std::string>& secrets) {
  std::vector<bool> hidden(bytes.size(), false);
  for (const auto& s : secrets) {
    if (s.empty()) continue;
    for (auto pos = bytes.find(s); pos != std::string::npos; pos = bytes.find(s, pos + 1)) {
      std::fill(hidden.begin() + static_cast<std::ptrdiff_t>(pos),
                hidden.begin() + static_cast<std::ptrdiff_t>(pos + s.size()), true);
    }
  }
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (hidden[i]) bytes[i] = '*';
  }
  return bytes;
}

json transcript_json(const CaseResult& result, const std::vector<Exchange>& exchanges,
                     const TranscriptContext& context) {
  json doc = case_header_json(result);
  json list = json::array();
  std::size_t attempt = 0;
  for (const auto& x : exchanges) {
    const auto& s = context.secrets;
    json request = {{"method", x.request.method},
                    {"url", redact(context.base_url + x.request.path, s)},
                    {"headers", headers_json(x.request.headers, s)}};
    if (!x.request.body.empty()) request["body"] = redact(x.request.body, s);
    json entry = {{"attempt", ++attempt},
                  {"waited_ms", x.waited.count()},
                  {"request", std::move(request)},
                  {"curl", curl_command(context.base_url, x.request, context.placeholders)}};
    if (x.outcome) {
      entry["response"] = response_json(*x.outcome, x.mode, s);
    } else {
      core::Error e = x.outcome.error();
      e.message = redact(e.message, s);
      e.location = redact(e.location, s);
      entry["error"] = error_json(e);
    }
    list.push_back(std::move(entry));
  }
  doc["exchanges"] = std::move(list);
  return doc;
}

std::string transcript_path(const std::string& dir, const CaseResult& result) {
  std::filesystem::path p(dir);
  std::string segment;
  for (char c : result.suite->name + "/") {
    if (c != '/') {
      segment += c;
      continue;
    }
    if (!segment.empty()) p /= safe_segment(segment);
    segment.clear();
  }
  p /= safe_segment(result.test_case->id) + ".json";
  return p.string();
}

core::Result<void> write_transcript(const std::string& dir, const CaseResult& result,
                                    const std::vector<Exchange>& exchanges, const TranscriptContext& context) {
  const std::string path = transcript_path(dir, result);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << transcript_json(result, exchanges, context).dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  out.close();
  if (!out) {
    return core::fail("report.io", "cannot write the transcript", path, "check that --transcripts names a writable folder");
  }
  return {};
}

}  // namespace siraya::harness
