// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>

namespace fanout::detail {

// std::call_once without its system call: glibc's pthread_once wakes waiters with a futex call
// after every initialization, waiters or not, which made it most of a scan's system calls (one
// per memoized stat, real path and file). Here a caller only sleeps, and a finished run only
// wakes, when another thread is actually waiting. A run that throws leaves it to the next caller.
// A waiter wakes when the state leaves kWaitedFor: done, or idle again after a throw.
class Once {
public:
    template <typename Run> void call(Run&& run) {
        int state = m_state.load(std::memory_order_acquire);
        while (state != kDone) {
            if (state == kIdle) {
                if (m_state.compare_exchange_weak(state, kRunning, std::memory_order_acq_rel)) {
                    runOnce(run);
                    return;
                }
                continue; // `state` holds what another thread set
            }
            // Running: say so, then sleep until the runner is done (or has thrown).
            if (state == kWaitedFor ||
                m_state.compare_exchange_weak(state, kWaitedFor, std::memory_order_acq_rel)) {
                m_state.wait(kWaitedFor, std::memory_order_acquire);
                state = m_state.load(std::memory_order_acquire);
            }
        }
    }

private:
    template <typename Run> void runOnce(Run& run) {
        try {
            run();
        } catch (...) {
            finish(kIdle);
            throw;
        }
        finish(kDone);
    }
    // libstdc++'s notify makes a system call even with nobody waiting (its waiter count is shared
    // by many addresses): only a run someone waited for notifies.
    void finish(int state) {
        if (m_state.exchange(state, std::memory_order_acq_rel) == kWaitedFor) {
            m_state.notify_all();
        }
    }

    static constexpr int kIdle = 0;
    static constexpr int kRunning = 1;
    static constexpr int kWaitedFor = 2; // running, and another thread sleeps until it is done
    static constexpr int kDone = 3;
    std::atomic<int> m_state{kIdle};
};

} // namespace fanout::detail
