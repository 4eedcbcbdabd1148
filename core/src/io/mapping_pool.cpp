// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/mapping_pool.h"

#include <mutex>
#include <sys/mman.h>
#include <vector>

namespace fanout::detail {
namespace {

constexpr std::size_t kMaxKeptMappings = 2;
constexpr std::size_t kMaxKeptBytes = std::size_t{64} << 20;

struct Kept {
    std::mutex mutex;
    std::vector<Mapping> mappings;
    std::size_t bytes = 0;
};

Kept& kept() {
    static auto* const pool = new Kept; // never destroyed: files may be released at exit
    return *pool;
}

} // namespace

Mapping takeMapping(std::size_t capacity) {
    auto& pool = kept();
    std::lock_guard lock(pool.mutex);
    auto best = pool.mappings.end();
    for (auto it = pool.mappings.begin(); it != pool.mappings.end(); ++it) {
        if (it->capacity >= capacity &&
            (best == pool.mappings.end() || it->capacity < best->capacity)) {
            best = it;
        }
    }
    if (best == pool.mappings.end()) {
        return {};
    }
    const Mapping taken = *best;
    pool.mappings.erase(best);
    pool.bytes -= taken.capacity;
    return taken;
}

void keepMapping(Mapping mapping) {
    auto& pool = kept();
    {
        std::lock_guard lock(pool.mutex);
        if (pool.mappings.size() < kMaxKeptMappings &&
            pool.bytes + mapping.capacity <= kMaxKeptBytes) {
            pool.mappings.push_back(mapping);
            pool.bytes += mapping.capacity;
            return;
        }
    }
    ::munmap(mapping.data, mapping.capacity);
}

std::size_t keptMappingBytes() {
    auto& pool = kept();
    std::lock_guard lock(pool.mutex);
    return pool.bytes;
}

void releaseKeptMappings() {
    std::vector<Mapping> released;
    {
        auto& pool = kept();
        std::lock_guard lock(pool.mutex);
        released.swap(pool.mappings);
        pool.bytes = 0;
    }
    for (const auto& mapping : released) {
        ::munmap(mapping.data, mapping.capacity);
    }
}

} // namespace fanout::detail
