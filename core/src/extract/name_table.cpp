// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/extract/name_table.h"

#include "base/instance_number.h"
#include "base/linear_probe.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>

namespace fanout {
namespace {

constexpr std::size_t kBlockBytes = std::size_t{64} << 10;
constexpr std::size_t kFirstSlots = 1024;

std::uint32_t hashTag(std::size_t hash) {
    const auto wide = static_cast<std::uint64_t>(hash); // a 32-bit size_t shifts no further
    return static_cast<std::uint32_t>(wide >> 32) ^ static_cast<std::uint32_t>(wide);
}

// The names a thread interned last, by table and hash, with their kept text (which never moves):
// interned again, a name takes no lock. Two workers interning the same specifiers and names
// ("react/jsx-runtime", "default") passed the table's lock back and forth.
struct RecentName {
    std::uint64_t table = 0; // the table's number, 0 for none
    std::size_t hash = 0;
    std::string_view text;
    NameId id = 0;
};
constexpr std::size_t kRecentNames = 256;
thread_local std::array<RecentName, kRecentNames> t_recentNames{};

} // namespace

NameTable::NameTable() : m_number(detail::nextInstanceNumber()), m_slots(kFirstSlots) {
    intern("default");
}

std::size_t NameTable::placeOf(std::string_view text, std::size_t hash) const {
    const std::uint32_t tag = hashTag(hash);
    return detail::probeLinear(m_slots, hash, [&](const Slot& slot) {
        return slot.id == kNone || (slot.hash == tag && m_texts[slot.id] == text);
    });
}

std::string_view NameTable::keep(std::string_view text) {
    if (text.size() > m_blockLeft) {
        const std::size_t size = std::max(kBlockBytes, text.size());
        m_blocks.push_back(std::make_unique_for_overwrite<char[]>(size));
        m_blockEnd = m_blocks.back().get();
        m_blockLeft = size;
    }
    if (!text.empty()) {
        std::memcpy(m_blockEnd, text.data(), text.size());
    }
    const std::string_view kept(m_blockEnd, text.size());
    m_blockEnd += text.size();
    m_blockLeft -= text.size();
    return kept;
}

void NameTable::growIndex() {
    detail::growLinear(
        m_slots, [](const Slot& slot) { return slot.id != kNone; },
        [&](const Slot& slot) { return std::hash<std::string_view>{}(m_texts[slot.id]); });
}

NameId NameTable::intern(std::string_view text) {
    const std::size_t hash = std::hash<std::string_view>{}(text); // outside the lock
    auto& recent = t_recentNames[detail::recentSlot(m_number, hash, kRecentNames)];
    if (recent.table == m_number && recent.hash == hash && recent.text == text) {
        return recent.id;
    }
    std::lock_guard lock(m_mutex);
    auto place = placeOf(text, hash);
    if (m_slots[place].id == kNone) {
        const auto id = static_cast<NameId>(m_texts.size());
        m_texts.push_back(keep(text));
        m_slots[place] = {hashTag(hash), id};
        if (m_texts.size() * 2 > m_slots.size()) {
            growIndex();
            place = placeOf(text, hash);
        }
    }
    const NameId id = m_slots[place].id;
    recent = {m_number, hash, m_texts[id], id};
    return id;
}

std::string NameTable::text(NameId id) const {
    std::lock_guard lock(m_mutex);
    return id < m_texts.size() ? std::string(m_texts[id]) : std::string();
}

std::size_t NameTable::size() const {
    std::lock_guard lock(m_mutex);
    return m_texts.size();
}

std::vector<std::string> NameTable::snapshot() const {
    std::lock_guard lock(m_mutex);
    return {m_texts.begin(), m_texts.end()};
}

} // namespace fanout
