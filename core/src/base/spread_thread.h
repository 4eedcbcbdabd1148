// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <pthread.h>
#include <sched.h>
#include <type_traits>
#include <utility>

namespace fanout::detail {

// A thread started on another CPU than its creator's, then free to run on any CPU the process
// may use; joined when destroyed (as std::jthread). For helpers started while their creator goes
// on working.
//
// Why: in a virtual machine (KVM guests, as CI runners mostly are) Linux was seen to place a new
// or woken thread on its creator's CPU, where it waits for the creator's time slice to end, while
// the other CPU stays idle (likely because an idle virtual CPU is taken for a preempted one):
// 0.8-3.9 ms measured on a 2-CPU guest, against 0.1 ms for a thread started on the other CPU.
class SpreadThread {
public:
    SpreadThread() = default;
    // Throws std::system_error when no thread can be started.
    explicit SpreadThread(std::function<void()> body);
    SpreadThread(SpreadThread&& other) noexcept;
    SpreadThread& operator=(SpreadThread&& other) noexcept;
    SpreadThread(const SpreadThread&) = delete;
    SpreadThread& operator=(const SpreadThread&) = delete;
    ~SpreadThread() { join(); }

    bool joinable() const { return m_joinable; }
    void join();

private:
    pthread_t m_thread{};
    bool m_joinable = false;
};

// The CPUs a SpreadThread starts on when created on `cpu` by a thread allowed `allowed`: the
// others, if there are any (else nothing: wherever the kernel puts it).
std::optional<cpu_set_t> otherCpus(int cpu, const cpu_set_t& allowed);

// What a function run on a SpreadThread returns (or throws), as std::async(std::launch::async)
// gives it: get() waits for it; destroying the task waits for the thread.
template <class T> class SpreadTask {
public:
    SpreadTask(std::future<T> future, SpreadThread thread)
        : m_future(std::move(future)), m_thread(std::move(thread)) {}
    T get() { return m_future.get(); }

private:
    std::future<T> m_future;
    SpreadThread m_thread; // joined before the future is let go
};

template <class Function> auto spreadAsync(Function function) {
    using Result = std::invoke_result_t<Function>;
    auto task = std::make_shared<std::packaged_task<Result()>>(std::move(function));
    auto future = task->get_future();
    return SpreadTask<Result>(std::move(future), SpreadThread([task] { (*task)(); }));
}

} // namespace fanout::detail
