// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/instance_number.h"
#include "base/linear_probe.h"
#include "io/once.h"

#include "fanout/base/adaptive_mutex.h"

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace fanout::detail {

// The nodes a thread found last in the OnceMaps, by map and key hash: a later lookup of the same
// key takes no lock. Workers resolving in the same folders ask the same few keys (the folder's
// listing and real path, the package's identity) of the same shard, and its lock went from core to
// core and back: two threads resolving an icon package's 10,611 files took 1.0 us a file, one
// thread 1.0-1.2 us (0.86-0.93 us with this). A scan of 101,012 modules took 11 % less CPU.
struct RecentNodes {
    struct Slot {
        std::uint64_t map = 0; // the map's number (nextInstanceNumber()), 0 for none
        std::size_t hash = 0;
        void* node = nullptr; // the map's Node
    };
    static constexpr std::size_t kSlots = 512;
    std::array<Slot, kSlots> slots{};

    static RecentNodes& ofThisThread() {
        thread_local RecentNodes recent;
        return recent;
    }
    Slot& slotFor(std::uint64_t map, std::size_t hash) {
        return slots[recentSlot(map, hash, kSlots)];
    }
};

// A concurrent memo table: the first caller for a key computes the value, callers for the same key
// at the same time wait for it, and later callers get it at once. The lock is per shard and is not
// held while computing, so slow file-system work for one key never blocks other keys.
template <typename Value> class OnceMap {
public:
    OnceMap() = default;
    OnceMap(const OnceMap&) = delete;
    OnceMap& operator=(const OnceMap&) = delete;

    // A key given as a view is copied only when it is new. A key this thread asked for recently
    // is found without the shard's lock (RecentNodes): nodes never move and are never removed.
    template <typename Compute> const Value& get(std::string_view key, Compute&& compute) {
        const std::size_t hash = std::hash<std::string_view>{}(key);
        auto& recent = RecentNodes::ofThisThread().slotFor(m_number, hash);
        Node* node = nullptr;
        if (recent.map == m_number && recent.hash == hash &&
            static_cast<const Node*>(recent.node)->key == key) {
            node = static_cast<Node*>(recent.node);
        } else {
            Shard& shard = m_shards[hash % kShards];
            {
                std::lock_guard lock(shard.mutex);
                node = &shard.findOrAdd(key, hash);
            }
            recent = {m_number, hash, node};
        }
        node->once.call([&] { node->value = compute(); });
        return node->value; // a node of the shard's deque: its address never changes
    }

    // The value of a key, if one was computed. Only once nothing computes any more (as forEach).
    const Value* find(std::string_view key) const {
        const std::size_t hash = std::hash<std::string_view>{}(key);
        const Node* node = m_shards[hash % kShards].find(key, hash);
        return node == nullptr ? nullptr : &node->value;
    }

    // Every key with its value, in no order. Only once nothing computes any more (no get()
    // running): the values are read without waiting.
    template <typename Visit> void forEach(Visit&& visit) const {
        for (const Shard& shard : m_shards) {
            for (const Node& node : shard.nodes) {
                visit(node.key, node.value);
            }
        }
    }

private:
    static constexpr std::size_t kShards = 32;
    const std::uint64_t m_number = nextInstanceNumber();

    struct Node {
        explicit Node(std::string_view k) : key(k) {}
        std::string key;
        Once once;
        Value value{};
    };
    // A place of a shard's index: the key's hash and its node (null: empty).
    struct Place {
        std::size_t hash = 0;
        Node* node = nullptr;
    };

    // The nodes live in a deque (never moved); the index is one array probed linearly, at most
    // half full: a lookup reads one place and its node, where a node-based hash map read a
    // bucket, walked a chain and divided by a prime (a table of every file of a scan was a few
    // percent of the workers' time in cache misses).
    struct Shard {
        AdaptiveMutex mutex;
        std::deque<Node> nodes;
        std::vector<Place> index = std::vector<Place>(16);

        std::size_t placeOf(std::string_view key, std::size_t hash) const {
            return probeLinear(index, hash / kShards, [&](const Place& place) {
                return place.node == nullptr || (place.hash == hash && place.node->key == key);
            });
        }
        const Node* find(std::string_view key, std::size_t hash) const {
            return index[placeOf(key, hash)].node;
        }
        Node& findOrAdd(std::string_view key, std::size_t hash) {
            Place& place = index[placeOf(key, hash)];
            if (place.node != nullptr) {
                return *place.node;
            }
            Node& node = nodes.emplace_back(key);
            place = {hash, &node};
            if (nodes.size() * 2 > index.size()) {
                grow();
            }
            return node;
        }
        void grow() {
            growLinear(
                index, [](const Place& place) { return place.node != nullptr; },
                [](const Place& place) { return place.hash / kShards; });
        }
    };
    std::array<Shard, kShards> m_shards;
};

} // namespace fanout::detail
