// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/result/scan_result.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace fanout {

std::string_view toString(ModuleKind kind) {
    switch (kind) {
    case ModuleKind::Parsed:
        return "parsed";
    case ModuleKind::Asset:
        return "asset";
    case ModuleKind::Excluded:
        return "excluded";
    case ModuleKind::Unreadable:
        return "unreadable";
    case ModuleKind::TooLarge:
        return "too-large";
    }
    return "parsed";
}

const EdgeNotes& EdgeFacts::notes() const {
    static const EdgeNotes none;
    return m_notes ? *m_notes : none;
}

std::shared_ptr<const EdgeNotes> sharedNotes(EdgeNotes notes) {
    if (notes == EdgeNotes{}) {
        return nullptr;
    }
    return std::make_shared<const EdgeNotes>(std::move(notes));
}

namespace {

// A set of paths (the entries) asked about every module's path: hashed views, with the path's
// length looked at first, so that most paths (none of the entries' lengths) are not hashed at all.
// Two ordered sets of strings asked for every module took 5 ms at 21,000 modules; hashing every
// path twice still took 1 ms.
class PathSet {
public:
    explicit PathSet(const std::vector<std::string>& paths) : m_paths(paths.begin(), paths.end()) {
        for (const auto& path : paths) {
            if (path.size() >= m_lengths.size()) {
                m_lengths.resize(path.size() + 1);
            }
            m_lengths[path.size()] = true;
        }
    }
    bool contains(std::string_view path) const {
        return path.size() < m_lengths.size() && m_lengths[path.size()] && m_paths.contains(path);
    }

private:
    std::unordered_set<std::string_view> m_paths;
    std::vector<bool> m_lengths; // whether a path has this length
};

} // namespace

std::vector<std::uint32_t> entryModules(const ScanResult& result) {
    const PathSet entries(result.config.entries);
    const PathSet conditionalEntries(result.config.conditionalEntries);
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 0; i < result.modules.size(); ++i) {
        const auto& module = result.modules[i];
        const bool entry =
            entries.contains(module.path) ||
            std::any_of(module.aliases.begin(), module.aliases.end(),
                        [&](std::string_view alias) { return entries.contains(alias); });
        if (entry) {
            out.push_back(i);
            continue;
        }
        // A conditional entry (rwsdk's src/ files) started the scan only if it has a directive.
        if (module.directive.directive != Directive::None &&
            conditionalEntries.contains(module.path)) {
            out.push_back(i);
        }
    }
    return out;
}

} // namespace fanout
