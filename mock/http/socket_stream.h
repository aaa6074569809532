#pragma once
// httplib::Stream over one accepted TCP connection, with a read buffer (httplib reads request
// lines one byte at a time through Stream::read). Transport-only: includes httplib.h.
#include <cstddef>
#include <string>

#include <httplib.h>

namespace siraya::mock {

class SocketStream final : public httplib::Stream {
 public:
  SocketStream(int sock, int read_timeout_ms, int write_timeout_ms)
      : sock_(sock), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {}

  bool is_readable() const override;  // buffered bytes, or readable within the read timeout
  bool is_writable() const override;  // writable within the write timeout
  ssize_t read(char* ptr, std::size_t size) override;
  ssize_t write(const char* ptr, std::size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

  // Waits up to `timeout_ms` for the next request of a keep-alive connection: true when bytes
  // (or EOF, or an error to report) are there to read.
  bool wait_for_request(int timeout_ms) const;

 private:
  bool buffered() const { return pos_ < len_; }

  int sock_;
  int read_timeout_ms_;
  int write_timeout_ms_;
  char buffer_[4096];
  std::size_t pos_ = 0;
  std::size_t len_ = 0;
};

}  // namespace siraya::mock
