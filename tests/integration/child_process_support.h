#pragma once
// A program run by a test (the built siraya-mock binary), with its stdout and stderr on pipes:
// read stdout line by line with a deadline, stop it, collect its exit code and stderr. Nothing
// waits without a bound, and the destructor kills what is still running.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace siraya::testing {

class ChildProcess {
 public:
  // Starts argv[0] with the arguments; started() is false when it cannot be started.
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  bool started() const { return pid_ > 0; }
  // The next stdout line (without "\n"); nullopt at end of output or after `timeout`.
  std::optional<std::string> read_line(std::chrono::milliseconds timeout);
  void signal(int sig);
  // The exit code (128 + N after signal N); -1 when it has not exited within `timeout` (it is
  // killed then). Reads the rest of stdout and stderr meanwhile.
  int wait(std::chrono::milliseconds timeout);
  const std::string& stdout_text() const { return out_; }  // everything read from stdout so far
  const std::string& stderr_text() const { return err_; }  // everything read from stderr so far

 private:
  bool pump(std::chrono::milliseconds timeout);  // reads what arrives; false once both pipes closed

  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  std::string out_;
  std::string err_;
  std::size_t line_start_ = 0;
  std::optional<int> status_;
};

}  // namespace siraya::testing
