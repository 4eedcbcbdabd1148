// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/base/size_format.h"
#include "module_changes.h"
#include "scan_session.h"
#include "table_model.h"

namespace fanout::ui {

// The content of each result table, computed from one session (which the content keeps alive).
// Hotspots: every module, most fan-out first. Directives: modules with "use client"/"use server".
// Packages: per installed package. Duplicates: each extra path string of a file, each relative
// spelling, and each extra copy of a package. Unresolved: imports that did not resolve.
TableContent hotspotTable(const SessionPtr& session);
TableContent directiveTable(const SessionPtr& session);
TableContent packageTable(const SessionPtr& session);
TableContent duplicateTable(const SessionPtr& session);
TableContent unresolvedTable(const SessionPtr& session);
// Barrel imports: each import of a barrel from outside its package, what its names need against
// what it walks, largest saving first; a row's module is the importer.
TableContent barrelImportTable(const SessionPtr& session);

// Every result table of one session, each in its default sort. Built on the scan thread so that
// the GUI thread only swaps models when a result arrives.
struct ResultTables {
    TableContent hotspots;
    TableContent directives;
    TableContent packages;
    TableContent duplicates;
    TableContent unresolved;
    TableContent barrelImports;
    // What changed since the scan compared with; null when nothing is compared.
    std::shared_ptr<const ModuleChanges> changes;
};
// A table whose rows are modules gains a "Change" column (second, after the first) and marks
// its changed rows, when `changes` compares two scans.
void markChanges(TableContent& content, const std::shared_ptr<const ModuleChanges>& changes);
// Every table; the hotspot and directive tables are marked with `changes`.
ResultTables resultTables(const SessionPtr& session,
                          const std::shared_ptr<const ModuleChanges>& changes = nullptr);

// A module as found again in a later scan of the same project: root, environment and path.
struct ModuleKey {
    std::string root;
    std::string environment;
    std::string path;
};
ModuleKey keyOf(const ScanResult& result, ModuleId module);
// The module of `result` with that key; none in a scan of another root.
std::optional<ModuleId> moduleByKey(const ScanResult& result, const ModuleKey& key);

// Helpers the views share: a module's path relative to the project, and its environment.
QString modulePath(const ScanSession& session, ModuleId module);
QString moduleEnvironment(const ScanSession& session, ModuleId module);
QString packageName(const ScanSession& session, PackageId package);
// A size as every report says it (fanout::formatSize), for a cell or a label.
inline QString sizeText(std::uint64_t bytes) {
    return QString::fromStdString(formatSize(bytes));
}

} // namespace fanout::ui
