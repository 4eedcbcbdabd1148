// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/spread_thread.h"

#include <memory>
#include <sched.h>
#include <system_error>

namespace fanout::detail {
namespace {

struct Start {
    std::function<void()> body;
    cpu_set_t allowed{}; // the creator's CPUs, given back once the thread runs
    bool placed = false; // started on the others only
};

// The start of a SpreadThread: its CPUs given back, then its body (an exception escaping it ends
// the process, as from a std::thread).
void* run(void* argument) noexcept {
    const std::unique_ptr<Start> start(static_cast<Start*>(argument));
    if (start->placed) {
        ::sched_setaffinity(0, sizeof start->allowed, &start->allowed);
    }
    start->body();
    return nullptr;
}

} // namespace

std::optional<cpu_set_t> otherCpus(int cpu, const cpu_set_t& allowed) {
    if (cpu < 0 || cpu >= CPU_SETSIZE || !CPU_ISSET(cpu, &allowed) || CPU_COUNT(&allowed) < 2) {
        return std::nullopt;
    }
    cpu_set_t others = allowed;
    CPU_CLR(cpu, &others);
    return others;
}

SpreadThread::SpreadThread(std::function<void()> body) {
    auto start = std::make_unique<Start>();
    start->body = std::move(body);
    pthread_attr_t attributes;
    ::pthread_attr_init(&attributes);
    // The creator's CPUs but the one it runs on, when it may run on others (else, or when there
    // are more CPUs than a cpu_set_t holds, wherever the kernel puts it).
    if (::sched_getaffinity(0, sizeof start->allowed, &start->allowed) == 0) {
        if (const auto others = otherCpus(::sched_getcpu(), start->allowed)) {
            start->placed =
                ::pthread_attr_setaffinity_np(&attributes, sizeof *others, &*others) == 0;
        }
    }
    const int error = ::pthread_create(&m_thread, &attributes, run, start.get());
    ::pthread_attr_destroy(&attributes);
    if (error != 0) {
        throw std::system_error(error, std::generic_category(), "a thread could not be started");
    }
    static_cast<void>(start.release()); // the thread's now
    m_joinable = true;
}

SpreadThread::SpreadThread(SpreadThread&& other) noexcept
    : m_thread(other.m_thread), m_joinable(std::exchange(other.m_joinable, false)) {}

SpreadThread& SpreadThread::operator=(SpreadThread&& other) noexcept {
    if (this != &other) {
        join();
        m_thread = other.m_thread;
        m_joinable = std::exchange(other.m_joinable, false);
    }
    return *this;
}

void SpreadThread::join() {
    if (m_joinable) {
        ::pthread_join(m_thread, nullptr);
        m_joinable = false;
    }
}

} // namespace fanout::detail
