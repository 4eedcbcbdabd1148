// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/ordered_blocks.h"

#include "base/spread_thread.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>
#include <vector>

namespace fanout::detail {
namespace {

// What the threads making blocks share; every member under `mutex`.
class Pipeline {
public:
    Pipeline(std::size_t count, std::size_t ahead,
             const std::function<std::string(std::size_t, std::string)>& make)
        : m_made(count), m_ahead(std::max<std::size_t>(ahead, 1)), m_make(make) {}

    // A helper: makes blocks while there are blocks to claim, waiting while it is too far ahead.
    void help() {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_changed.wait(lock, [&] { return m_stop || exhausted() || claimable(); });
            if (m_stop || exhausted()) {
                return;
            }
            makeNext(lock);
        }
    }

    // The calling thread: takes the blocks in order, making one whenever the next is not ready.
    void takeAll(const std::function<void(const std::string&)>& take) {
        std::unique_lock lock(m_mutex);
        while (m_taken < m_made.size()) {
            if (m_error) {
                std::rethrow_exception(m_error);
            }
            if (auto& next = m_made[m_taken]; next) {
                std::string text = std::move(*next);
                next.reset();
                ++m_taken;
                m_changed.notify_all(); // a helper waiting for room may go on
                lock.unlock();
                take(text);
                lock.lock();
                m_spare.push_back(std::move(text));
            } else if (claimable()) {
                makeNext(lock);
            } else {
                m_changed.wait(lock);
            }
        }
    }

    // No block is claimed any more: the helpers return.
    void stop() {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
    }

private:
    bool exhausted() const { return m_claimed == m_made.size(); }
    bool claimable() const { return !m_stop && !exhausted() && m_claimed < m_taken + m_ahead; }

    // Claims the next block and makes it with the lock released; `lock` is held before and after.
    void makeNext(std::unique_lock<std::mutex>& lock) {
        const std::size_t index = m_claimed++;
        std::string buffer;
        if (!m_spare.empty()) {
            buffer = std::move(m_spare.back());
            m_spare.pop_back();
        }
        lock.unlock();
        std::optional<std::string> text;
        std::exception_ptr error;
        try {
            text = m_make(index, std::move(buffer));
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        if (error) {
            m_stop = true;
            if (!m_error) {
                m_error = error;
            }
        } else {
            m_made[index] = std::move(text);
        }
        m_changed.notify_all();
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::optional<std::string>> m_made; // made and not taken yet, by index
    std::vector<std::string> m_spare;               // texts taken, to be filled again
    std::size_t m_claimed = 0;
    std::size_t m_taken = 0;
    std::size_t m_ahead;
    bool m_stop = false;
    std::exception_ptr m_error;
    const std::function<std::string(std::size_t, std::string)>& m_make;
};

// Stops the pipeline when it goes out of scope, however: declared after the helpers, it is
// destroyed before them, so they are told to return before they are joined.
class StopOnExit {
public:
    explicit StopOnExit(Pipeline& pipeline) : m_pipeline(pipeline) {}
    ~StopOnExit() { m_pipeline.stop(); }
    StopOnExit(const StopOnExit&) = delete;
    StopOnExit& operator=(const StopOnExit&) = delete;

private:
    Pipeline& m_pipeline;
};

} // namespace

void orderedBlocks(std::size_t count, unsigned threads, std::size_t ahead,
                   const std::function<std::string(std::size_t, std::string)>& make,
                   const std::function<void(const std::string&)>& take) {
    if (threads <= 1 || count <= 1) {
        std::string text;
        for (std::size_t index = 0; index < count; ++index) {
            text = make(index, std::move(text));
            take(text);
        }
        return;
    }
    Pipeline pipeline(count, ahead, make);
    std::vector<SpreadThread> helpers;
    const StopOnExit stopOnExit(pipeline);
    for (unsigned i = 1; i < threads; ++i) {
        try {
            helpers.emplace_back([&pipeline] { pipeline.help(); });
        } catch (const std::system_error&) {
            break; // fewer helpers: this thread makes what they do not
        }
    }
    pipeline.takeAll(take);
}

} // namespace fanout::detail
