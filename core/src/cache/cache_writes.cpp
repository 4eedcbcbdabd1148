// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/cache_writes.h"

#include "cache/cache_file.h"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <exception>
#include <future>
#include <map>
#include <mutex>

namespace fanout::detail {

namespace {

// The background writes, by cache file; a write's thread ends with its problem ("" when none).
// And the cache files read whose records are being freed.
struct PendingWrites {
    std::mutex mutex;
    std::map<std::string, std::future<std::string>> writes;
    std::vector<std::future<void>> releases;
    std::vector<std::string> problems;

    ~PendingWrites() { finish(); }
    std::vector<std::string> finish() {
        std::unique_lock lock(mutex);
        auto running = std::move(writes);
        auto releasing = std::move(releases);
        lock.unlock();
        for (auto& release : releasing) {
            release.wait();
        }
        std::vector<std::string> out;
        for (auto& [path, write] : running) {
            if (auto problem = write.get(); !problem.empty()) {
                out.push_back(path + ": " + problem);
            }
        }
        lock.lock();
        out.insert(out.begin(), problems.begin(), problems.end());
        problems.clear();
        return out;
    }
    void wait(const std::string& path) {
        std::unique_lock lock(mutex);
        const auto it = writes.find(path);
        if (it == writes.end()) {
            return;
        }
        auto write = std::move(it->second);
        writes.erase(it);
        lock.unlock();
        if (auto problem = write.get(); !problem.empty()) {
            lock.lock();
            problems.push_back(path + ": " + problem);
        }
    }
};

// A background write gives way to the work the user waits for (a window showing the result, the
// next scan): the writing thread, and the encoding thread it starts (which inherits it), run at a
// lower priority. Lowering one's own priority needs no privilege; when refused, nothing changes.
void yieldToForegroundWork() {
    constexpr int kBackgroundNice = 10;
    (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), kBackgroundNice);
}

PendingWrites& pendingWrites() {
    static PendingWrites writes;
    return writes;
}

} // namespace

void writeCacheFileSoon(const std::string& path, const std::string& key, CacheFile cached,
                        std::shared_ptr<const ScanResult> result) {
    auto& pending = pendingWrites();
    pending.wait(path);
    // The cache file read and the result let go of once written, on this thread: the finished
    // write stays in the map until the next cache access, and would keep a result the caller has
    // replaced.
    auto store = [path, key, cached = std::move(cached), result = std::move(result)]() mutable {
        yieldToForegroundWork();
        std::string problem;
        try {
            problem = loadVouchedAnswers(cached);
            if (problem.empty()) {
                problem = writeCacheFile(path, key, cached.inputs, *result);
            }
        } catch (const std::exception& error) {
            problem = error.what();
        }
        cached = {};
        result.reset();
        return problem;
    };
    // Moved, not copied (std::async copies an lvalue): a copy of the inputs' tens of thousands of
    // records would be made on the caller's thread.
    auto write = std::async(std::launch::async, std::move(store));
    std::lock_guard lock(pending.mutex);
    pending.writes.emplace(path, std::move(write));
}

void releaseSoon(CacheFile cache) {
    auto& pending = pendingWrites();
    auto release = std::async(std::launch::async, [cache = std::move(cache)]() mutable {
        yieldToForegroundWork();
        cache = {};
    });
    std::lock_guard lock(pending.mutex);
    // Those done are forgotten: a long-lived process rescans many times.
    std::erase_if(pending.releases, [](const std::future<void>& done) {
        return done.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    });
    pending.releases.push_back(std::move(release));
}

void waitForCacheWrite(const std::string& path) {
    pendingWrites().wait(path);
}

std::vector<std::string> finishWrites() {
    return pendingWrites().finish();
}

} // namespace fanout::detail
