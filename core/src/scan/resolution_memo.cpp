// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan/resolution_memo.h"

#include <functional>

namespace fanout::detail {
namespace {

// Enough for the folders a worker is in at once; small enough to stay in the caches.
constexpr std::size_t kSlots = 1024;

thread_local ResolutionMemo* t_current = nullptr;

} // namespace

ResolutionMemo::ResolutionMemo() : m_slots(kSlots) {}

const ResolutionMemo::Answer* ResolutionMemo::find(std::uint16_t environment,
                                                   std::string_view importerDir,
                                                   std::string_view specifier, bool require) {
    // The environment and the kind, the folder (a path: never a NUL), a NUL, the specifier.
    m_key.clear();
    m_key.push_back(static_cast<char>(environment & 0xff));
    m_key.push_back(static_cast<char>(environment >> 8));
    m_key.push_back(require ? 'r' : 'i');
    m_key.append(importerDir);
    m_key.push_back('\0');
    m_key.append(specifier);
    m_slot = std::hash<std::string_view>{}(m_key) % m_slots.size();
    const Slot& slot = m_slots[m_slot];
    return slot.key == m_key ? &slot.answer : nullptr;
}

void ResolutionMemo::store(Answer answer) {
    Slot& slot = m_slots[m_slot];
    slot.key.assign(m_key); // keeps the slot's storage when it is large enough
    slot.answer = std::move(answer);
}

ResolutionMemo* ResolutionMemo::current() {
    return t_current;
}

ResolutionMemo::Installed::Installed(ResolutionMemo& memo) : m_previous(t_current) {
    t_current = &memo;
}

ResolutionMemo::Installed::~Installed() {
    t_current = m_previous;
}

} // namespace fanout::detail
