// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/analysis/analysis.h"
#include "fanout/analysis/module_graph.h"
#include "fanout/barrels/barrel_imports.h"
#include "fanout/result/scan_result.h"
#include "fanout/scan/scanner.h"

#include <QMetaType>

#include <memory>

namespace fanout::ui {

// One finished scan with what every view reads: the immutable result, its graph and analysis.
// Built on the scan thread; shared read-only by all models afterwards.
struct ScanSession {
    explicit ScanSession(std::shared_ptr<const ScanResult> scanned)
        : result(std::move(scanned)), graph(*result), analysis(analyze(*result, graph)),
          barrelImports(fanout::barrelImports(*result, graph, analysis)) {}

    std::shared_ptr<const ScanResult> result;
    ModuleGraph graph;
    Analysis analysis;
    std::vector<BarrelImport> barrelImports;
};

using SessionPtr = std::shared_ptr<const ScanSession>;

// A session built from `result`. Whichever view lets go of it last (a treemap's labels, the
// graph's map, a table's cells), it is freed on a worker thread when that happens on the
// application's thread: freeing 100,000 modules there stalled the window 60-80 ms on a rescan.
// That thread is its own, at background priority, never one of Qt's global pool (which the
// GUI thread waits for when it paints large areas).
SessionPtr makeSession(std::shared_ptr<const ScanResult> result);

} // namespace fanout::ui

Q_DECLARE_METATYPE(fanout::ui::SessionPtr)
Q_DECLARE_METATYPE(fanout::ScanProgress)
