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

} // namespace fanout::ui

Q_DECLARE_METATYPE(fanout::ui::SessionPtr)
Q_DECLARE_METATYPE(fanout::ScanProgress)
