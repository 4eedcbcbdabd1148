// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/scan/scanner.h"

#include <memory>
#include <string>
#include <vector>

namespace fanout::detail {

// How a scan takes what the cached scan found of unchanged files, when only the contents of the
// `edited` files changed (every folder, link and manifest is as it was) and their imports did too:
// Splice updates the cached result in place (spliceScan: only when every module they now lead to
// was scanned before), Walk walks the graph again with every other file taken from it (PriorScan).
enum class PriorUse { Splice, Walk };

// The scan, its result equal to a full scan's. `inputs` are the cached scan's, and become this
// scan's. Null, with `why`, when it cannot be done this way (the optimized graph; diagnostics in
// the cached scan, which only a whole scan finds again; for Splice, a module not scanned before) or
// the scan was cancelled.
std::shared_ptr<ScanResult> scanWithPrior(PriorUse use, const ScanConfig& config,
                                          const ScanOptions& options,
                                          std::shared_ptr<ScanResult> cached, ScanInputs& inputs,
                                          const std::vector<FileRecord*>& edited, std::string& why);

} // namespace fanout::detail
