// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/analysis/analysis.h"
#include "fanout/base/size_format.h"
#include "fanout/result/scan_result.h"

#include <string>
#include <vector>

namespace fanout {

// `fanout report`: counts, directive totals, hotspots with reach and bytes, barrels, duplicates
// and the path-string multiplier, largest packages, cycles, unresolved imports by reason, memory.
std::string formatReport(const ScanResult& result, const ModuleGraph& graph,
                         const Analysis& analysis);

// `fanout why`: the chain from an entry, one line per import, with the specifier and its kind.
std::string formatChain(const ScanResult& result, const std::vector<ModuleId>& chain);

// Unresolved imports grouped by what went wrong ("not installed", "not exported", ...).
std::string unresolvedCategory(const std::string& reason);

} // namespace fanout
