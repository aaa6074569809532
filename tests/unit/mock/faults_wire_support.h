#pragma once
// A raw TCP client for the fault tests: sees the bytes on the wire exactly, and how the connection
// ended (FIN, RST, or still open and quiet), which no HTTP library reports faithfully.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace siraya::mock::testing {

enum class End { eof, reset, quiet };

inline const char* to_string(End e) { return e == End::eof ? "eof" : e == End::reset ? "reset" : "quiet"; }

class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
    int yes = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
  }
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }

  void send(const std::string& data) const {
    std::size_t sent = 0;
    while (sent < data.size()) {
      const ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<std::size_t>(n);
    }
  }

  // Reads until the peer ends the connection, or until nothing arrives for `quiet_ms`.
  End read_to_end(int quiet_ms = 10'000) {
    for (;;) {
      const auto end = read_once(quiet_ms);
      if (end) return *end;
    }
  }

  // Reads until the bytes contain `needle` (true), or the connection ends or stays quiet (false).
  bool read_until(std::string_view needle, int quiet_ms = 10'000) {
    while (bytes.find(needle) == std::string::npos) {
      if (read_once(quiet_ms)) return bytes.find(needle) != std::string::npos;
    }
    return true;
  }

  std::string bytes;  // everything received so far

 private:
  // nullopt: some bytes were read; otherwise how the reading ended.
  std::optional<End> read_once(int quiet_ms) {
    pollfd p{fd_, POLLIN, 0};
    const int ready = ::poll(&p, 1, quiet_ms);
    if (ready == 0) return End::quiet;
    char buffer[65536];
    const ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
    if (n > 0) {
      bytes.append(buffer, static_cast<std::size_t>(n));
      return std::nullopt;
    }
    if (n == 0) return End::eof;
    return errno == ECONNRESET ? End::reset : End::eof;
  }

  int fd_ = -1;
  bool connected_ = false;
};

// One HTTP/1.1 request with `Connection: close`, so a complete response ends with the server's FIN.
inline std::string http_request(const std::string& method, const std::string& path, const std::string& body,
                                const std::vector<std::pair<std::string, std::string>>& headers) {
  std::string r = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& [name, value] : headers) r += name + ": " + value + "\r\n";
  if (!body.empty()) r += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  return r + "\r\n" + body;
}

struct Reply {
  bool parsed = false;   // a status line and the header block arrived
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;      // de-chunked
  bool complete = false;  // the last chunk, or every Content-Length byte, arrived
  std::size_t content_length = 0;
  bool has_content_length = false;

  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
};

inline Reply parse_reply(const std::string& bytes) {
  Reply r;
  const auto head_end = bytes.find("\r\n\r\n");
  if (head_end == std::string::npos || bytes.rfind("HTTP/1.1 ", 0) != 0) return r;
  r.parsed = true;
  r.status = std::stoi(bytes.substr(9, 3));
  std::size_t line = bytes.find("\r\n") + 2;
  while (line < head_end) {
    const auto eol = bytes.find("\r\n", line);
    const std::string field = bytes.substr(line, eol - line);
    const auto colon = field.find(':');
    std::string name = field.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = field.substr(field.find_first_not_of(' ', colon + 1));
    line = eol + 2;
  }
  const std::string raw = bytes.substr(head_end + 4);
  if (r.header("transfer-encoding") == "chunked") {
    std::size_t at = 0;
    for (;;) {
      const auto eol = raw.find("\r\n", at);
      if (eol == std::string::npos) break;
      const std::size_t size = std::stoul(raw.substr(at, eol - at), nullptr, 16);
      if (size == 0) {
        r.complete = raw.compare(eol, 4, "\r\n\r\n") == 0;
        break;
      }
      if (eol + 2 + size + 2 > raw.size()) {
        r.body += raw.substr(eol + 2);  // a chunk cut short
        break;
      }
      r.body += raw.substr(eol + 2, size);
      at = eol + 2 + size + 2;
    }
  } else {
    r.body = raw;
    if (r.headers.count("content-length")) {
      r.has_content_length = true;
      r.content_length = std::stoul(r.header("content-length"));
      r.complete = raw.size() >= r.content_length;
    }
  }
  return r;
}

// The complete SSE frames of a body ("event: x\ndata: {...}" each, without the blank line).
inline std::vector<std::string> frames_of(const std::string& body) {
  std::vector<std::string> frames;
  std::size_t at = 0;
  for (;;) {
    const auto end = body.find("\n\n", at);
    if (end == std::string::npos) break;
    frames.push_back(body.substr(at, end - at));
    at = end + 2;
  }
  return frames;
}

// The data of a frame (the text after "data: ").
inline std::string data_of(const std::string& frame) {
  const auto at = frame.rfind("data: ", 0) == 0 ? 0 : frame.find("\ndata: ") + 1;
  const auto end = frame.find('\n', at);
  return frame.substr(at + 6, end == std::string::npos ? end : end - at - 6);
}

inline std::string event_of(const std::string& frame) {
  if (frame.rfind("event: ", 0) != 0) return {};
  return frame.substr(7, frame.find('\n') - 7);
}

}  // namespace siraya::mock::testing
