// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/extract/extractor.h"
#include "fanout/result/scan_result.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace fanout::detail {

// The result's id of a name of an extraction's table, added to the result's names when new: for
// a result updated with files extracted again.
class ResultNames {
public:
    ResultNames(ScanResult& result, const NameTable& names) : m_result(result), m_names(names) {}

    NameId operator()(NameId id) {
        if (m_ids.empty()) {
            for (NameId i = 0; i < m_result.names.size(); ++i) {
                m_ids.emplace(m_result.names[i], i);
            }
        }
        auto text = m_names.text(id);
        const auto [it, added] = m_ids.emplace(text, static_cast<NameId>(m_result.names.size()));
        if (added) {
            m_result.names.push_back(std::move(text));
        }
        return it->second;
    }

private:
    ScanResult& m_result;
    const NameTable& m_names;
    std::unordered_map<std::string, NameId> m_ids; // built when first needed
};

// The module's exports as the extraction has them now: names in the result's table, a
// re-export's record the index of its edge (`firstEdge` plus the record's place among the
// module's edges, `edgeOfRecord`).
inline void replaceExports(ScanModule& module, const Extraction& extraction,
                           std::uint32_t firstEdge, const std::vector<std::uint32_t>& edgeOfRecord,
                           ResultNames& names) {
    module.exports.clear();
    for (ExportEntry entry : extraction.exports) {
        entry.name = names(entry.name);
        entry.imported = names(entry.imported);
        if (entry.record != ExportEntry::kLocal) {
            entry.record = firstEdge + edgeOfRecord[entry.record];
        }
        module.exports.push_back(entry);
    }
}

} // namespace fanout::detail
