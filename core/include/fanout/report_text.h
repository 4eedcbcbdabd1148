#pragma once

#include "fanout/analysis.h"
#include "fanout/scan_result.h"

#include <string>
#include <vector>

namespace fanout {

// `fanout report`: counts, directive totals, hotspots with reach and bytes, barrels, duplicates
// and the path-string multiplier, largest packages, cycles, unresolved imports by reason, memory.
// "512 B", "3.4 KB", "17.2 MB", "2.15 GB" (powers of 1,024), as every report says sizes.
std::string formatSize(std::uint64_t bytes);

std::string formatReport(const ScanResult& result, const ModuleGraph& graph,
                         const Analysis& analysis);

// `fanout why`: the chain from an entry, one line per import, with the specifier and its kind.
std::string formatChain(const ScanResult& result, const std::vector<ModuleId>& chain);

// Unresolved imports grouped by what went wrong ("not installed", "not exported", ...).
std::string unresolvedCategory(const std::string& reason);

} // namespace fanout
