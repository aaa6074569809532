#include "mock/worker_pool.h"

#include <atomic>
#include <future>
#include <thread>

#include <gtest/gtest.h>

namespace siraya::mock {
namespace {

// A gate tasks block on until the test opens it.
class Gate {
 public:
  void wait() { opened_.wait(false); }
  void open() {
    opened_ = true;
    opened_.notify_all();
  }

 private:
  std::atomic<bool> opened_{false};
};

void wait_until(const std::function<bool()>& condition) {
  while (!condition()) std::this_thread::yield();
}

TEST(WorkerPool, RunsEveryTask) {
  std::atomic<int> done{0};
  {
    WorkerPool pool(4);
    for (int i = 0; i < 100; ++i) pool.enqueue([&] { ++done; });
    pool.shutdown();
  }
  EXPECT_EQ(done, 100);
}

TEST(WorkerPool, GivesEveryBlockingTaskItsOwnThread) {
  // Connections hold their worker: 32 tasks that all wait must all be running at once.
  WorkerPool pool(64);
  Gate gate;
  std::atomic<int> running{0};
  for (int i = 0; i < 32; ++i) pool.enqueue([&] {
    ++running;
    gate.wait();
  });
  wait_until([&] { return running == 32; });
  EXPECT_EQ(pool.threads(), 32u);
  gate.open();
  pool.shutdown();
}

TEST(WorkerPool, QueuesBeyondTheLimit) {
  WorkerPool pool(2);
  Gate gate;
  std::atomic<int> running{0}, peak{0}, done{0};
  for (int i = 0; i < 6; ++i) pool.enqueue([&] {
    const int now = ++running;
    int seen = peak;
    while (now > seen && !peak.compare_exchange_weak(seen, now)) {}
    gate.wait();
    --running;
    ++done;
  });
  wait_until([&] { return running == 2; });
  EXPECT_EQ(pool.threads(), 2u);
  gate.open();
  pool.shutdown();
  EXPECT_EQ(done, 6);
  EXPECT_LE(peak, 2);
}

TEST(WorkerPool, ReusesIdleWorkers) {
  WorkerPool pool(8);
  for (int i = 0; i < 20; ++i) {
    std::promise<void> finished;
    pool.enqueue([&] { finished.set_value(); });
    finished.get_future().wait();
    wait_until([&] { return pool.idle() == pool.threads(); });
  }
  EXPECT_EQ(pool.threads(), 1u);
}

TEST(WorkerPool, IdleWorkersExitAndTheNextTaskStillRuns) {
  WorkerPool pool(8, std::chrono::milliseconds(5));
  std::promise<void> first;
  pool.enqueue([&] { first.set_value(); });
  first.get_future().wait();
  wait_until([&] { return pool.threads() == 0; });
  std::promise<void> second;
  pool.enqueue([&] { second.set_value(); });
  second.get_future().wait();
}

TEST(WorkerPool, ShutdownIsIdempotent) {
  WorkerPool pool(2);
  pool.shutdown();
  pool.shutdown();
  EXPECT_EQ(pool.threads(), 0u);
}

}  // namespace
}  // namespace siraya::mock
