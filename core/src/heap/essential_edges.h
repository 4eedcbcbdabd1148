// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/heap/heap_snapshot.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace fanout::detail {

// DevTools' rule: a weak edge never holds its target; a shortcut only from the root.
inline bool essentialEdgeType(std::string_view type, bool fromRoot) {
    return type != "weak" && (type != "shortcut" || fromRoot);
}

// The rule decided once per edge type rather than per edge (walks over every edge ask it).
class EssentialEdges {
public:
    explicit EssentialEdges(const HeapSnapshot& snapshot) {
        for (const auto& type : snapshot.edgeTypes) {
            m_holds.push_back(essentialEdgeType(type, false));
            m_holdsFromRoot.push_back(essentialEdgeType(type, true));
        }
    }
    bool operator()(const HeapSnapshot& snapshot, std::uint32_t from, std::uint32_t edge) const {
        const auto type = snapshot.edgeType[edge];
        return from == 0 ? m_holdsFromRoot[type] : m_holds[type];
    }

private:
    std::vector<bool> m_holds;
    std::vector<bool> m_holdsFromRoot;
};

} // namespace fanout::detail
