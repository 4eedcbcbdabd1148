// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/extract/name_table.h"

namespace fanout {

NameTable::NameTable() {
    intern("default");
}

NameId NameTable::intern(std::string_view text) {
    std::lock_guard lock(m_mutex);
    if (const auto it = m_index.find(text); it != m_index.end()) {
        return it->second;
    }
    const auto id = static_cast<NameId>(m_texts.size());
    m_texts.emplace_back(text);
    m_index.emplace(m_texts.back(), id);
    return id;
}

std::string NameTable::text(NameId id) const {
    std::lock_guard lock(m_mutex);
    return id < m_texts.size() ? m_texts[id] : std::string();
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
