// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
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
    mutable std::mutex m_mutex;
    std::deque<std::string> m_texts; // stable addresses: the index's keys point into them
    std::unordered_map<std::string_view, NameId> m_index;
};

} // namespace fanout
