// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/result/scan_result.h"

#include <cstdint>
#include <span>
#include <vector>

namespace fanout {

// The runtime import graph of a scan in compressed sparse rows: edges whose target is a module,
// type-only edges left out, duplicate targets merged. Built once; read by every analysis.
class ModuleGraph {
public:
    explicit ModuleGraph(const ScanResult& result);

    std::size_t size() const { return m_outOffsets.size() - 1; }
    // Distinct runtime targets of `module`, sorted.
    std::span<const std::uint32_t> targets(std::uint32_t module) const {
        return {m_out.data() + m_outOffsets[module], m_out.data() + m_outOffsets[module + 1]};
    }
    std::span<const std::uint32_t> importers(std::uint32_t module) const {
        return {m_in.data() + m_inOffsets[module], m_in.data() + m_inOffsets[module + 1]};
    }
    // Modules where the scan started: the entries and the conditional entries that became modules.
    const std::vector<std::uint32_t>& entries() const { return m_entries; }

private:
    std::vector<std::uint32_t> m_outOffsets;
    std::vector<std::uint32_t> m_out;
    std::vector<std::uint32_t> m_inOffsets;
    std::vector<std::uint32_t> m_in;
    std::vector<std::uint32_t> m_entries;
};

} // namespace fanout
