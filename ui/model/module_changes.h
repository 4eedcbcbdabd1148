// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/base/ids.h"
#include "fanout/compare/scan_document.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fanout::ui {

// How a module (a table row, a cell, a node) differs from the scan the shown one is compared with:
// the views mark changed ones.
enum class RowChange { None, Changed, Added };

// How one module of a scan differs from the same module (same environment and path) in the scan
// it is compared with.
struct ModuleChange {
    bool added = false;          // not in the earlier scan
    std::int64_t bytesDelta = 0; // its file grew or shrank
    std::int64_t reachDelta = 0; // a hotspot in both scans whose reach changed (modules)
    std::string directiveBefore; // the earlier directive ("none", "client", "server") if it changed
    bool any() const {
        return added || bytesDelta != 0 || reachDelta != 0 || !directiveBefore.empty();
    }
};

// What changed, module by module, between an earlier scan (the previous scan of the window, or a
// saved scan) and the shown one; and which modules of the earlier scan are gone. Built off the GUI
// thread from the two scan documents (what `fanout diff` compares). Default: nothing compared.
class ModuleChanges {
public:
    ModuleChanges() = default;
    // `before` and `after` are documents of the same project; `after` is the shown scan, its
    // modules in the result's order (documentOf). `beforeName` says what `before` is.
    ModuleChanges(const ScanDocument& before, const ScanDocument& after, QString beforeName);

    bool compared() const { return m_compared; }
    const QString& beforeName() const { return m_beforeName; }
    // Null when the module did not change (or nothing is compared).
    const ModuleChange* of(ModuleId module) const;
    // How views mark the module: None when it did not change.
    RowChange mark(ModuleId module) const;
    // "new", "edited +120 B", "reach −1,642", "was use client", joined by ", "; empty if unchanged.
    QString text(ModuleId module) const;
    // Sorts new modules first, then by the size of the change of reach, directive, bytes.
    qlonglong sortKey(ModuleId module) const;
    std::size_t addedCount() const { return m_added; }
    std::size_t editedCount() const { return m_edited; }
    std::size_t reachChangedCount() const { return m_reachChanged; }
    std::size_t directiveChangedCount() const { return m_directiveChanged; }
    // The earlier scan's modules that are not in the shown one, as "path (environment)".
    const std::vector<std::string>& gone() const { return m_gone; }
    // One sentence for the status bar: "Since the previous scan: 2 new, 1 gone, 3 edited modules."
    QString summary() const;
    // What the views that cannot draw gone modules list instead: "3 gone" (empty when none), and
    // the first `listed` of them, one per line, under a heading (for a tooltip).
    QString goneLabel() const;
    QString goneList(std::size_t listed = 40) const;

private:
    bool m_compared = false;
    QString m_beforeName;
    std::vector<std::uint32_t> m_index; // module -> 1 + position in m_changes, 0: unchanged
    std::vector<ModuleChange> m_changes;
    std::vector<std::string> m_gone;
    std::size_t m_added = 0;
    std::size_t m_edited = 0;
    std::size_t m_reachChanged = 0;
    std::size_t m_directiveChanged = 0;
};

} // namespace fanout::ui
