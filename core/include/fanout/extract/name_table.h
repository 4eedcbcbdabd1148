// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/base/adaptive_mutex.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace fanout {

// An exported or imported name, interned: the same text is one id for a whole scan.
using NameId = std::uint32_t;

// Interns names for every extractor of a scan (shared between threads). Each text is stored once;
// a file's records hold 4-byte ids. Id 0 is always "default".
class NameTable {
public:
    static constexpr NameId kDefault = 0;

    NameTable();
    NameTable(const NameTable&) = delete;
    NameTable& operator=(const NameTable&) = delete;

    NameId intern(std::string_view text);
    std::string text(NameId id) const;
    std::size_t size() const;
    // Every name by id, for a result that outlives the table.
    std::vector<std::string> snapshot() const;

private:
    // One place of the index: a name's id and part of its text's hash (to skip other names).
    struct Slot {
        std::uint32_t hash = 0;
        NameId id = kNone;
    };
    static constexpr NameId kNone = ~NameId{0};

    // The place of `text` in m_slots: where its id is, or the empty place it would take.
    std::size_t placeOf(std::string_view text, std::size_t hash) const;
    // The text copied into the table's own storage.
    std::string_view keep(std::string_view text);
    void growIndex();

    const std::uint64_t m_number; // this table's among the process's (recent names per thread)
    mutable AdaptiveMutex m_mutex;
    // By id; the texts live in m_blocks, a few large allocations rather than one per name (tens of
    // thousands of names in a scan: their lookups, insertions and freeing were a few percent of
    // it).
    std::vector<std::string_view> m_texts;
    std::vector<std::unique_ptr<char[]>> m_blocks;
    std::size_t m_blockLeft = 0;
    char* m_blockEnd = nullptr;
    // Open addressing with linear probing, a power of two in size, at most half full.
    std::vector<Slot> m_slots;
};

} // namespace fanout
