// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/once.h"

#include <array>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace fanout::detail {

// A concurrent memo table: the first caller for a key computes the value, callers for the same key
// at the same time wait for it, and later callers get it at once. The lock is per shard and is not
// held while computing, so slow file-system work for one key never blocks other keys.
template <typename Value> class OnceMap {
public:
    template <typename Compute> const Value& get(const std::string& key, Compute&& compute) {
        Shard& shard = m_shards[std::hash<std::string>{}(key) % m_shards.size()];
        std::shared_ptr<Slot> slot;
        {
            std::lock_guard lock(shard.mutex);
            auto& entry = shard.map[key];
            if (!entry) {
                entry = std::make_shared<Slot>();
            }
            slot = entry;
        }
        slot->once.call([&] { slot->value = compute(); });
        return slot->value; // the map keeps the slot alive for the cache's lifetime
    }

private:
    struct Slot {
        Once once;
        Value value{};
    };
    struct Shard {
        std::mutex mutex;
        std::unordered_map<std::string, std::shared_ptr<Slot>> map;
    };
    std::array<Shard, 32> m_shards;
};

} // namespace fanout::detail
