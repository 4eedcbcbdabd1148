// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/analysis/analysis.h"
#include "fanout/barrels/barrel_imports.h"
#include "fanout/base/csv.h"
#include "fanout/result/scan_result.h"

#include <ostream>
#include <string>

namespace fanout {

enum class DotLevel : unsigned char { Package, Module };

// Graphviz DOT. Package level (default): one node per package and one for the project's own
// files, sized by modules, edges counted; module level: one node per module, edges styled by
// kind (dynamic dashed, require dotted, re-export bold). Hotspots are filled red, barrels boxed.
void writeDot(std::ostream& out, const ScanResult& result, const Analysis& analysis,
              DotLevel level);

// modules.csv, edges.csv, packages.csv and barrel_imports.csv in `dir` (created when missing),
// each written atomically. Returns an empty string, or what went wrong.
std::string writeCsv(const std::string& dir, const ScanResult& result, const Analysis& analysis,
                     const std::vector<BarrelImport>& barrelImports);

} // namespace fanout
