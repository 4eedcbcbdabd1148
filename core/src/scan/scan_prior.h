// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/extract/extractor.h"
#include "fanout/result/scan_result.h"
#include "fanout/scan/scanner.h"

#include <atomic>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace fanout::detail {

struct FileState;
struct PendingEdge;

// A previous scan of the project, for a scan that takes what it found of every file that did not
// change (ScanOptions::prior): read-only once built, asked by every worker.
class PriorIndex {
public:
    explicit PriorIndex(const PriorScan& prior);

    // The file as the previous scan found it, when it parsed it and the file is not one of the
    // edited: its records, exports, counts and directives (names interned in `names`), size,
    // identity and hash. False (and `file` untouched) otherwise.
    bool seed(FileState& file, NameTable& names) const;
    // The previous scan's module of a file in an environment, if it had one that was parsed.
    std::optional<std::uint32_t> parsedModule(std::string_view path,
                                              std::uint16_t environment) const;
    const ScanResult& result() const { return *m_prior.result; }
    // The previous scan's modules of a file (adjacent, as modules are sorted by path): [first,
    // end).
    std::pair<std::uint32_t, std::uint32_t> modulesOf(std::string_view path) const;
    // A module's edges, one per import record of its file, in record order (as the previous scan
    // sorted them).
    std::span<const ScanEdge> edgesOf(std::uint32_t module) const;
    // What the previous scan said of a file reached by any path: its other path strings and
    // package. Null when it did not reach the file.
    const ScanModule* anyModule(std::string_view path) const;
    bool edited(std::string_view path) const { return m_edited.contains(path); }
    // What the previous scan recorded of a file it read; null if it read none there.
    const FileRecord* record(std::string_view path) const {
        const auto it = m_records.find(path);
        return it == m_records.end() ? nullptr : it->second;
    }
    std::span<const Finding> nonLiteralFindings(std::string_view path) const;
    // This scan's id of a name of the previous scan (interned once, whatever the thread).
    NameId name(NameId prior, NameTable& names) const;
    // A module of the previous scan walked again with the edges it had (priorEdge).
    void markWalked(std::uint32_t module) const {
        m_walked[module].store(true, std::memory_order_relaxed);
    }
    bool walked(std::uint32_t module) const {
        return m_walked[module].load(std::memory_order_relaxed);
    }

private:
    const PriorScan& m_prior;
    std::unordered_map<std::string_view, std::uint32_t> m_firstModule; // by path
    std::vector<std::uint32_t> m_edgeBegin;                            // by module, one past
    std::unordered_map<std::string_view, const FileRecord*> m_records;
    std::unordered_set<std::string_view> m_edited;
    std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> m_findings;
    std::unique_ptr<std::atomic<NameId>[]> m_names; // kNoName until interned
    std::unique_ptr<std::atomic<bool>[]> m_walked;
    static constexpr NameId kNoName = UINT32_MAX;
};

} // namespace fanout::detail
