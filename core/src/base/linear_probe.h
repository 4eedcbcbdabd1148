// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

namespace fanout::detail {

// Open addressing with linear probing over an array whose size is a power of two.

// The first place from `home` (wrapping around) whose entry `stops` accepts: the key's own place,
// or the empty one it would take. The table must have an empty place.
template <typename Entry, typename Stops>
std::size_t probeLinear(const std::vector<Entry>& table, std::size_t home, Stops&& stops) {
    const std::size_t mask = table.size() - 1;
    for (std::size_t at = home & mask;; at = (at + 1) & mask) {
        if (stops(table[at])) {
            return at;
        }
    }
}

// The table made twice as large, each occupied entry moved to the first empty place from its
// home (`homeOf`: from what the entry holds, as when it was put in).
template <typename Entry, typename Occupied, typename HomeOf>
void growLinear(std::vector<Entry>& table, Occupied&& occupied, HomeOf&& homeOf) {
    std::vector<Entry> old(table.size() * 2);
    old.swap(table);
    for (const Entry& entry : old) {
        if (occupied(entry)) {
            table[probeLinear(table, homeOf(entry),
                              [&](const Entry& place) { return !occupied(place); })] = entry;
        }
    }
}

} // namespace fanout::detail
