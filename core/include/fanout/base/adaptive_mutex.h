// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pthread.h>

namespace fanout {

// A mutex for the short critical sections the scan's workers share (the names table, the memo
// tables' shards, the task queue): a thread that finds it locked spins a little, then sleeps
// (glibc's adaptive mutex; a plain one elsewhere). std::mutex sleeps at once, and in a virtual
// machine a sleep and its wake-up cost far more than the few hundred nanoseconds the holder
// needs: on the first corpus the two workers went to sleep on these locks ~350 times a scan.
// Meets the Lockable requirements (std::lock_guard, std::unique_lock, std::condition_variable_any).
class AdaptiveMutex {
public:
    AdaptiveMutex() noexcept;
    ~AdaptiveMutex();
    AdaptiveMutex(const AdaptiveMutex&) = delete;
    AdaptiveMutex& operator=(const AdaptiveMutex&) = delete;

    void lock();
    bool try_lock() noexcept { return ::pthread_mutex_trylock(&m_mutex) == 0; }
    void unlock() noexcept { ::pthread_mutex_unlock(&m_mutex); }

private:
    pthread_mutex_t m_mutex;
};

} // namespace fanout
