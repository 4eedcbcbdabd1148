// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/once.h"

#include <array>
#include <functional>
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
        Slot* slot = nullptr;
        {
            std::lock_guard lock(shard.mutex);
            slot = &shard.map.try_emplace(key).first->second;
        }
        slot->once.call([&] { slot->value = compute(); });
        return slot->value; // a node of the map: its address never changes
    }

    // The value of a key, if one was computed. Only once nothing computes any more (as forEach).
    const Value* find(const std::string& key) const {
        const Shard& shard = m_shards[std::hash<std::string>{}(key) % m_shards.size()];
        const auto it = shard.map.find(key);
        return it == shard.map.end() ? nullptr : &it->second.value;
    }

    // Every key with its value, in no order. Only once nothing computes any more (no get()
    // running): the values are read without waiting.
    template <typename Visit> void forEach(Visit&& visit) const {
        for (const Shard& shard : m_shards) {
            for (const auto& [key, slot] : shard.map) {
                visit(key, slot.value);
            }
        }
    }

private:
    struct Slot {
        Once once;
        Value value{};
    };
    struct Shard {
        std::mutex mutex;
        // Slots live in the nodes (never moved by a rehash): one allocation per key.
        std::unordered_map<std::string, Slot> map;
    };
    std::array<Shard, 32> m_shards;
};

} // namespace fanout::detail
