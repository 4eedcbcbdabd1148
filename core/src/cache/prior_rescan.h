// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/scan/scanner.h"

#include <memory>
#include <string>
#include <vector>

namespace fanout::detail {

// The project scanned again, taking what the cached scan found of every file but the edited ones
// (nothing else changed: every folder, link and manifest is as it was), for edits that change what
// a file imports: the walk reaches what it reaches now. `inputs` are the cached scan's, and become
// this scan's. Null, with `why`, when the result could differ from a full scan's (the optimized
// graph; diagnostics in the cached scan, which the walk would not see again) or the scan was
// cancelled.
std::shared_ptr<const ScanResult> rescanEdited(const ScanConfig& config, const ScanOptions& options,
                                               std::shared_ptr<const ScanResult> cached,
                                               ScanInputs& inputs,
                                               const std::vector<FileRecord*>& edited,
                                               std::string& why);

} // namespace fanout::detail
