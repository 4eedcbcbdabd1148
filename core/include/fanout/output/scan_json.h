// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/base/display_path.h"
#include "fanout/result/scan_result.h"

#include <ostream>
#include <string>
#include <vector>

namespace fanout {

struct Analysis;
struct BarrelImport;

struct JsonOptions {
    // Leave out what changes from run to run (timings, memory, thread count), so two scans of
    // the same tree give byte-identical documents.
    bool reproducible = false;
    // With an analysis: per-module metrics and the hotspots, packages, duplicates and cycles.
    const Analysis* analysis = nullptr;
    // With barrel imports: "barrelImports", what each import of a barrel needs and walks.
    const std::vector<BarrelImport>* barrelImports = nullptr;
    // Threads that may format the modules and edges (2 or more: two, the text unchanged).
    unsigned threads = 1;
};

// The scan document ("schema": 1): paths POSIX-style, relative to the root when inside it. It is
// streamed, one module or edge per line, so a 100,000-module document is never held whole.
void writeScanJson(std::ostream& out, const ScanResult& result, const JsonOptions& options = {});
std::string scanToJson(const ScanResult& result, const JsonOptions& options = {});

// Just the directive map: {"client": [...], "server": [...]}.
std::string directivesToJson(const ScanResult& result);

} // namespace fanout
