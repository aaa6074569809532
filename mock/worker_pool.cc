#include "mock/worker_pool.h"

#include <cassert>

namespace siraya::mock {

WorkerPool::WorkerPool(std::size_t max_threads, std::chrono::milliseconds idle_timeout)
    : max_threads_(max_threads == 0 ? 1 : max_threads), idle_timeout_(idle_timeout) {}

WorkerPool::~WorkerPool() { shutdown(); }

void WorkerPool::reap_locked(std::vector<std::thread>& out) {
  for (auto it : exited_) {
    out.push_back(std::move(it->thread));
    workers_.erase(it);
  }
  exited_.clear();
}

void WorkerPool::enqueue(std::function<void()> task) {
  std::vector<std::thread> finished;
  {
    std::lock_guard lock(mutex_);
    assert(!shutdown_);
    reap_locked(finished);
    tasks_.push_back(std::move(task));
    // Every queued task needs an idle worker of its own: a task may hold its worker for minutes.
    if (tasks_.size() > idle_ && workers_.size() < max_threads_) {
      ++idle_;
      workers_.emplace_back();
      auto self = std::prev(workers_.end());
      self->thread = std::thread([this, self] { run(self); });
    } else {
      wake_.notify_one();
    }
  }
  for (auto& t : finished) t.join();  // already returned from run(); joins at once
}

void WorkerPool::run(std::list<Worker>::iterator self) {
  std::unique_lock lock(mutex_);
  for (;;) {
    const bool woke = wake_.wait_for(lock, idle_timeout_, [this] { return !tasks_.empty() || shutdown_; });
    if (!woke) {
      // Idle too long: leave, and let the next enqueue (or shutdown) join this thread.
      --idle_;
      exited_.push_back(self);
      return;
    }
    if (tasks_.empty()) return;  // shutdown with nothing left to run
    auto task = std::move(tasks_.front());
    tasks_.pop_front();
    --idle_;
    lock.unlock();
    task();
    task = nullptr;  // release captures before taking the lock again
    lock.lock();
    ++idle_;
  }
}

void WorkerPool::shutdown() {
  std::list<Worker> workers;
  {
    std::lock_guard lock(mutex_);
    if (shutdown_) return;
    shutdown_ = true;
    exited_.clear();
    workers.splice(workers.end(), workers_);
  }
  wake_.notify_all();
  for (auto& w : workers) {
    if (w.thread.joinable()) w.thread.join();
  }
}

std::size_t WorkerPool::threads() const {
  std::lock_guard lock(mutex_);
  return workers_.size() - exited_.size();
}

std::size_t WorkerPool::idle() const {
  std::lock_guard lock(mutex_);
  return idle_;
}

}  // namespace siraya::mock
