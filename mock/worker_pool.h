#pragma once
// An elastic thread pool for the HTTP server (perf-notes.md §3-4). The server hands it one task
// per accepted connection, and the task keeps its thread for the connection's whole keep-alive
// life, including open streams. So the pool never makes a task wait while it may still grow:
// an idle worker takes it, otherwise a new worker starts, up to `max_threads`; only beyond that
// are tasks queued. Workers idle for `idle_timeout` exit, so start-up is cheap and a burst does
// not pin threads forever.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

namespace siraya::mock {

class WorkerPool {
 public:
  explicit WorkerPool(std::size_t max_threads,
                      std::chrono::milliseconds idle_timeout = std::chrono::seconds(30));
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  ~WorkerPool();  // shutdown()

  void enqueue(std::function<void()> task);
  // Runs every queued task, then joins all workers. Idempotent; enqueue afterwards is a bug.
  void shutdown();

  std::size_t threads() const;  // live workers
  std::size_t idle() const;     // workers waiting for a task

 private:
  struct Worker {
    std::thread thread;
  };
  void run(std::list<Worker>::iterator self);
  void reap_locked(std::vector<std::thread>& out);

  const std::size_t max_threads_;
  const std::chrono::milliseconds idle_timeout_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> tasks_;
  std::list<Worker> workers_;
  std::vector<std::list<Worker>::iterator> exited_;  // workers that left on idle timeout
  std::size_t idle_ = 0;  // workers not running a task (including ones just started)
  bool shutdown_ = false;
};

}  // namespace siraya::mock
